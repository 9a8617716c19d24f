/**
 * Watches a course folder for `dev` and keeps a snapshot of it (the pages'
 * texts and the static files) up to date, handing each burst of changes to
 * one rebuild at a time.
 *
 * - A save is often several events: they are gathered, and one rebuild runs
 *   per burst; changes made during a rebuild make the next burst.
 * - An edited page is re-read alone; a file added or removed re-reads the
 *   folder.
 * - chokidar reports one change per file within 50 ms and drops the rest, so
 *   a save written in two steps could leave its first step built: the changed
 *   pages are looked at once more after that window (settle).
 * - A page that reads empty was most likely caught between truncation and
 *   writing: it is read again a moment later before anything is built.
 */
import { relative, sep } from 'node:path'
import { performance } from 'node:perf_hooks'
import { type CourseFiles, pageTextOrThrow, readCourse } from '../load/read-course.ts'
import type { SourceFile } from '../load/types.ts'

/** A burst of changes, ready to build. */
export interface CourseChange {
  /** The changed files, relative to the course folder, with forward slashes. */
  paths: string[]
  /** When the first of them was seen (`performance.now()`). */
  since: number
}

export interface CourseWatcher {
  /** The course folder as last read. */
  files: () => CourseFiles
  /** Stops watching. */
  close: () => Promise<void>
}

/** How long after a change to look at the changed pages again. */
const SETTLE_MS = 80
/** How long to give a page that reads empty to be written (it is then built as it is, empty or not). */
const RETRY_EMPTY_MS = 3

/** A change seen by chokidar: its event name and the absolute path. */
interface Seen {
  event: string
  path: string
}

/**
 * Reads `root` and watches it; after each burst of changes, updates the
 * snapshot and awaits `rebuild`. Resolves once the watcher is ready.
 */
export async function watchCourse(
  root: string,
  rebuild: (change: CourseChange) => Promise<void>,
  onError: (message: string) => void,
): Promise<CourseWatcher> {
  const snapshot = new Snapshot(root, rebuild)
  const { watch } = await import('chokidar')
  const watcher = watch(root, {
    ignoreInitial: true,
    // What the build never reads: private names, tooling and output folders.
    ignored: (path: string) =>
      snapshot
        .rel(path)
        .split('/')
        .some((part) => part.startsWith('.') || part.startsWith('_') || part === 'node_modules' || part === 'dist'),
  })
  watcher.on('all', (event: string, path: string) => snapshot.seen(event, path))
  watcher.on('error', (e: unknown) =>
    onError(`coursemark: watching ${root} failed: ${e instanceof Error ? e.message : String(e)}`),
  )
  await new Promise<void>((done) => watcher.once('ready', () => done()))
  return {
    files: () => snapshot.files,
    close: async () => {
      snapshot.stop()
      await watcher.close()
    },
  }
}

/** The course folder as last read, and the changes waiting to be built. */
class Snapshot {
  files: CourseFiles
  private pending: Seen[] = []
  private firstSeen = 0
  private building = false
  private settleTimer: NodeJS.Timeout | null = null
  private readonly toSettle = new Set<string>()
  /** Pages that read empty once, and are taken as they are the next time. */
  private readonly readEmpty = new Set<string>()

  constructor(
    private readonly root: string,
    private readonly rebuild: (change: CourseChange) => Promise<void>,
  ) {
    this.files = readCourse(root)
  }

  /** `abs` relative to the course folder, with forward slashes. */
  rel(abs: string): string {
    return relative(this.root, abs).split(sep).join('/')
  }

  /** A change seen; `seenAt` is when it was first seen, for a change looked at again. */
  seen(event: string, path: string, seenAt = performance.now()): void {
    this.firstSeen = this.pending.length ? Math.min(this.firstSeen, seenAt) : seenAt
    this.pending.push({ event, path })
    if (!this.building) setImmediate(() => void this.run())
  }

  stop(): void {
    if (this.settleTimer) clearTimeout(this.settleTimer)
  }

  /** Builds the changes seen so far, one burst at a time. */
  private async run(): Promise<void> {
    if (this.building || !this.pending.length) return
    this.building = true
    const batch = this.pending
    this.pending = []
    const since = this.firstSeen
    try {
      if (this.refresh(batch)) await this.rebuild({ paths: [...new Set(batch.map((c) => this.rel(c.path)))], since })
      else setTimeout(() => this.seenAgain(batch, since), RETRY_EMPTY_MS).unref()
      this.settleLater(batch)
    } finally {
      this.building = false
      if (this.pending.length) setImmediate(() => void this.run())
    }
  }

  private seenAgain(batch: readonly Seen[], since: number): void {
    for (const c of batch) this.seen(c.event, c.path, since)
  }

  /** Updates the snapshot; false when a changed or added page reads empty for the first time. */
  private refresh(batch: Seen[]): boolean {
    const byPath = new Map(this.files.pages.map((p) => [p.path, p]))
    const full = batch.some((c) => c.event !== 'change' || (c.path.endsWith('.md') && !byPath.has(this.rel(c.path))))
    return full ? this.rereadAll(batch) : this.rereadChanged(batch, byPath)
  }

  /** A file added or removed: the whole folder is read again. */
  private rereadAll(batch: Seen[]): boolean {
    const next = readCourse(this.root)
    const read = new Map(next.pages.map((p) => [p.path, p.text]))
    const texts = new Map<string, string>()
    for (const c of batch) if (read.has(this.rel(c.path))) texts.set(c.path, read.get(this.rel(c.path))!)
    if (!this.noneHalfWritten(texts)) return false
    this.files = next
    return true
  }

  /** Only pages changed: each is read again alone. */
  private rereadChanged(batch: Seen[], byPath: Map<string, SourceFile>): boolean {
    const texts = new Map<string, string>()
    for (const c of batch) {
      if (!byPath.has(this.rel(c.path))) continue
      try {
        texts.set(c.path, pageTextOrThrow(c.path))
      } catch {
        this.files = readCourse(this.root)
        return true
      }
    }
    if (!this.noneHalfWritten(texts)) return false
    for (const [path, text] of texts) byPath.get(this.rel(path))!.text = text
    return true
  }

  /** True when no page reads empty that had not before; else false, remembering those that do. */
  private noneHalfWritten(texts: ReadonlyMap<string, string>): boolean {
    const caught = [...texts].filter(([path, text]) => text === '' && !this.readEmpty.has(path)).map(([path]) => path)
    if (caught.length) {
      for (const path of caught) this.readEmpty.add(path)
      return false
    }
    for (const path of texts.keys()) this.readEmpty.delete(path)
    return true
  }

  /** Looks at the changed pages again after SETTLE_MS, and builds any that changed since. */
  private settleLater(batch: Seen[]): void {
    for (const c of batch)
      if ((c.event === 'change' || c.event === 'add') && c.path.endsWith('.md')) this.toSettle.add(c.path)
    if (!this.toSettle.size) return
    if (this.settleTimer) clearTimeout(this.settleTimer)
    this.settleTimer = setTimeout(() => this.settle(), SETTLE_MS)
    this.settleTimer.unref()
  }

  private settle(): void {
    this.settleTimer = null
    const paths = [...this.toSettle]
    this.toSettle.clear()
    for (const path of paths) {
      let now: string
      try {
        now = pageTextOrThrow(path)
      } catch {
        continue
      }
      if (now !== this.files.pages.find((p) => p.path === this.rel(path))?.text) this.seen('change', path)
    }
  }
}
