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
import { readCourse, readPageText, type CourseFiles } from '../load/read-course.ts'

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
  let files = readCourse(root)
  const rel = (abs: string) => relative(root, abs).split(sep).join('/')

  let pending: Seen[] = []
  let firstSeen = 0
  let building = false
  let settleTimer: NodeJS.Timeout | null = null
  const toSettle = new Set<string>()
  /** Pages that read empty once, and are taken as they are the next time. */
  const readEmpty = new Set<string>()

  /** `seenAt` is when the change was first seen, for a change looked at again. */
  const onChange = (event: string, path: string, seenAt = performance.now()) => {
    firstSeen = pending.length ? Math.min(firstSeen, seenAt) : seenAt
    pending.push({ event, path })
    if (!building) setImmediate(run)
  }

  async function run(): Promise<void> {
    if (building || !pending.length) return
    building = true
    const batch = pending
    pending = []
    const since = firstSeen
    try {
      if (refresh(batch)) await rebuild({ paths: [...new Set(batch.map((c) => rel(c.path)))], since })
      else setTimeout(() => batch.forEach((c) => onChange(c.event, c.path, since)), RETRY_EMPTY_MS).unref()
      settleLater(batch)
    } finally {
      building = false
      if (pending.length) setImmediate(run)
    }
  }

  /** Updates the snapshot; false when a changed or added page reads empty for the first time. */
  function refresh(batch: Seen[]): boolean {
    const byPath = new Map(files.pages.map((p) => [p.path, p]))
    const full = batch.some((c) => c.event !== 'change' || (c.path.endsWith('.md') && !byPath.has(rel(c.path))))
    const texts = new Map<string, string>()
    if (full) {
      const next = readCourse(root)
      const read = new Map(next.pages.map((p) => [p.path, p.text]))
      for (const c of batch) if (read.has(rel(c.path))) texts.set(c.path, read.get(rel(c.path))!)
      if (!noneHalfWritten(texts)) return false
      files = next
      return true
    }
    for (const c of batch) {
      if (!byPath.has(rel(c.path))) continue
      try {
        texts.set(c.path, readPageText(c.path))
      } catch {
        files = readCourse(root)
        return true
      }
    }
    if (!noneHalfWritten(texts)) return false
    for (const [path, text] of texts) byPath.get(rel(path))!.text = text
    return true
  }

  /** True when no page reads empty that had not before; else false, remembering those that do. */
  function noneHalfWritten(texts: ReadonlyMap<string, string>): boolean {
    const caught = [...texts].filter(([path, text]) => text === '' && !readEmpty.has(path)).map(([path]) => path)
    if (caught.length) {
      caught.forEach((path) => readEmpty.add(path))
      return false
    }
    for (const path of texts.keys()) readEmpty.delete(path)
    return true
  }

  function settleLater(batch: Seen[]): void {
    for (const c of batch)
      if ((c.event === 'change' || c.event === 'add') && c.path.endsWith('.md')) toSettle.add(c.path)
    if (!toSettle.size) return
    if (settleTimer) clearTimeout(settleTimer)
    settleTimer = setTimeout(() => {
      settleTimer = null
      const paths = [...toSettle]
      toSettle.clear()
      for (const path of paths) {
        let now: string
        try {
          now = readPageText(path)
        } catch {
          continue
        }
        if (now !== files.pages.find((p) => p.path === rel(path))?.text) onChange('change', path)
      }
    }, SETTLE_MS)
    settleTimer.unref()
  }

  const { watch } = await import('chokidar')
  const watcher = watch(root, {
    ignoreInitial: true,
    // What the build never reads: private names, tooling and output folders.
    ignored: (path: string) =>
      rel(path)
        .split('/')
        .some((part) => part.startsWith('.') || part.startsWith('_') || part === 'node_modules' || part === 'dist'),
  })
  watcher.on('all', (event: string, path: string) => onChange(event, path))
  watcher.on('error', (e: unknown) =>
    onError(`coursemark: watching ${root} failed: ${e instanceof Error ? e.message : String(e)}`),
  )
  await new Promise<void>((done) => watcher.once('ready', () => done()))

  return {
    files: () => files,
    close: async () => {
      if (settleTimer) clearTimeout(settleTimer)
      await watcher.close()
    },
  }
}
