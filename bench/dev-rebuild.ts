/**
 * Dev rebuild: `coursemark dev` on a copy of a course, one edit to one
 * section, timed until the reload reaches the browser.
 *
 * The bench plays the browser: it listens to the dev server's event stream
 * as the live-reload script does. Each edit appends a few words to the
 * section's first paragraph. The rebuild judged is the server's own figure
 * (the `ms` the event carries, and the one `dev` prints: from the change
 * reaching the server to the event being sent); beside it, the time from
 * just before the file is written until the `reload` event arrives, which
 * adds the operating system's and chokidar's noticing the change.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { createInterface } from 'node:readline'
import { setTimeout as sleep } from 'node:timers/promises'
import { type BenchCourse, ROOT } from './courses.ts'
import { median } from './measure.ts'
import { formatMs, judge, type Row } from './table.ts'

/** The speed issue's budget (#13) for the rebuild the server times: from the change reaching it to the reload sent. */
export const DEV_BUDGET_MS = 10

/** Where `dev` serves its event stream (src/dev/reload-client.ts). */
const EVENTS_PATH = '/__coursemark/events'
/** dev looks at a changed page again 50 ms after a change; edits further apart are separate rebuilds. */
const PAUSE_BETWEEN_EDITS_MS = 300
const TIMEOUT_MS = 20_000

/** The figures of the dev row, or why there are none. */
export type DevTiming =
  | {
      ok: true
      /** The page edited. */
      pageId: string
      /** Median from writing the file to receiving the reload event. */
      editToReloadMs: number
      /** Median of the server's own figure, from the change reaching it to sending the event. */
      serverMs: number
      runs: number
    }
  | { ok: false; why: string }

/** What a `reload` event carries (the fields the bench reads). */
interface ReloadEvent {
  changed: string[]
  ms: number
}

/** Null when this coursemark has a `dev` command, else why it cannot be timed. */
function devMissing(): string | null {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'coursemark.js'), 'dev', '--help'], { encoding: 'utf8' })
  return r.status === 0 ? null : 'coursemark has no `dev` command (issue 5)'
}

/** Lines a child prints, awaited one pattern at a time. */
function lineWaiter(child: ChildProcess): (pattern: RegExp) => Promise<RegExpMatchArray> {
  const seen: string[] = []
  const waiting: { pattern: RegExp; resolve: (m: RegExpMatchArray) => void }[] = []
  createInterface({ input: child.stdout! }).on('line', (line) => {
    seen.push(line)
    for (const w of [...waiting]) {
      const m = line.match(w.pattern)
      if (m) {
        waiting.splice(waiting.indexOf(w), 1)
        w.resolve(m)
      }
    }
  })
  return (pattern) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(new Error(`dev did not print ${pattern} within ${TIMEOUT_MS} ms; it printed:\n${seen.join('\n')}`)),
        TIMEOUT_MS,
      )
      waiting.push({
        pattern,
        resolve: (m) => {
          clearTimeout(timer)
          resolve(m)
        },
      })
    })
}

/** The `reload` events of a dev server's stream, awaited one at a time. */
async function openEvents(
  url: string,
): Promise<{ next: () => Promise<ReloadEvent>; drain: () => void; close: () => void }> {
  const abort = new AbortController()
  const res = await fetch(url, { signal: abort.signal })
  if (!res.ok || !res.body) throw new Error(`${url} answered ${res.status}`)
  const queue: ReloadEvent[] = []
  // An object, not a variable: TypeScript cannot see the callback assign it.
  const waiter: { wake: (() => void) | null } = { wake: null }
  void (async () => {
    const decoder = new TextDecoder()
    let buffer = ''
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true })
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          if (!/^event: reload$/m.test(block)) continue
          const data = /^data: (.*)$/m.exec(block)?.[1]
          if (data) queue.push(JSON.parse(data) as ReloadEvent)
          waiter.wake?.()
        }
      }
    } catch {
      // Aborted when the bench is done.
    }
  })()
  const next = async (): Promise<ReloadEvent> => {
    const deadline = Date.now() + TIMEOUT_MS
    while (!queue.length) {
      if (Date.now() > deadline) throw new Error(`no reload event within ${TIMEOUT_MS} ms`)
      await new Promise<void>((resolve) => {
        waiter.wake = resolve
        setTimeout(resolve, 100)
      })
    }
    return queue.shift()!
  }
  // A late event of an earlier edit (a save seen in two steps on a busy machine) must not time the next one.
  const drain = () => {
    queue.length = 0
  }
  return { next, drain, close: () => abort.abort() }
}

/** The page with `words` appended to its first paragraph of prose (after the front matter). */
function withEdit(text: string, words: string): string {
  const lines = text.split('\n')
  let i = 0
  if (lines[0] === '---') {
    i = lines.indexOf('---', 1) + 1
  }
  for (; i < lines.length; i++) {
    if (/^[A-Za-z*_"“]/.test(lines[i]!) && lines[i + 1]?.trim() === '') {
      lines[i] = `${lines[i]} ${words}`
      return lines.join('\n')
    }
  }
  return `${text}\n\n${words}\n`
}

/**
 * Start `coursemark dev` on a copy of `course` and time `runs` edits to page
 * `pageId` (after one untimed edit: the first rebuild also warms the JIT).
 */
export async function timeDevRebuild(
  course: BenchCourse,
  pageId: string,
  scratch: string,
  runs: number,
): Promise<DevTiming> {
  const missing = devMissing()
  if (missing) return { ok: false, why: missing }
  // The copy keeps the folder's name: the corpus's index loops over site.<folder name>.
  const dir = join(scratch, 'dev', basename(course.dir))
  cpSync(course.dir, dir, { recursive: true })
  const file = join(dir, `${pageId}.md`)
  const original = readFileSync(file, 'utf8')

  const child = spawn(process.execPath, [join(ROOT, 'bin', 'coursemark.js'), 'dev', dir, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()))
  const waitFor = lineWaiter(child)
  try {
    const [, url] = await waitFor(/ at (https?:\/\/[^\s;,]+)/)
    const events = await openEvents(
      `${url!.replace(/\/$/, '')}${EVENTS_PATH}?since=${Date.now()}&path=${encodeURIComponent(`/${pageId}/`)}`,
    )
    try {
      const total: number[] = []
      const server: number[] = []
      for (let i = 0; i <= runs; i++) {
        events.drain()
        const start = performance.now()
        writeFileSync(file, withEdit(original, `Edit ${i + 1} by the bench.`))
        const event = await events.next()
        const elapsed = performance.now() - start
        if (!event.changed.includes(`/${pageId}/`))
          throw new Error(`the reload named ${event.changed.join(', ') || 'nothing'}, not /${pageId}/`)
        if (i > 0) {
          total.push(elapsed)
          server.push(event.ms)
        }
        await sleep(PAUSE_BETWEEN_EDITS_MS)
      }
      return { ok: true, pageId, editToReloadMs: median(total), serverMs: median(server), runs }
    } finally {
      events.close()
    }
  } catch (e) {
    return {
      ok: false,
      why: `dev could not be timed: ${e instanceof Error ? e.message : String(e)}${stderr ? `\n${stderr}` : ''}`,
    }
  } finally {
    child.kill('SIGTERM')
  }
}

export function devRow(t: DevTiming, courseName: string): Row {
  const budget = `≤ ${DEV_BUDGET_MS} ms`
  if (!t.ok)
    return {
      name: `Dev rebuild, ${courseName}: one section edited`,
      coursemark: t.why.split('\n')[0]!,
      others: '—',
      measured: '—',
      budget,
      verdict: 'not measured',
    }
  return {
    name: `Dev rebuild, ${courseName}: ${t.pageId} edited`,
    coursemark: `rebuild (change seen to reload sent) ${formatMs(t.serverMs)}; file written to reload received ${formatMs(t.editToReloadMs)} (median of ${t.runs})`,
    others: '—',
    measured: `rebuild ${formatMs(t.serverMs)}`,
    budget,
    verdict: judge(t.serverMs, DEV_BUDGET_MS),
  }
}
