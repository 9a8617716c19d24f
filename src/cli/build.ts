/** `coursemark build [COURSE_DIR] [--out DIR] [--base PATH] [--quiet]` */
import { countSummary, formatDiagnostics } from '../diagnostics/format.ts'
import { build } from '../pipeline/build.ts'
import { milliseconds, progressLine, type Terminal } from './progress-line.ts'
import { styleFor } from './report-style.ts'
import { type OfflineSummary, WHOLE_LIMIT } from '../emit/offline-worker.ts'

export const BUILD_HELP = `Usage: coursemark build [COURSE_DIR] [--out DIR] [--base PATH] [--quiet]

Builds the course in COURSE_DIR (default: the current folder) into a static
site. Nothing is written unless the whole course builds: every error is
printed, and the previous site is left as it was. On a terminal, a build
that takes over a second shows its progress on one line.

Options:
  -o, --out DIR     where to write the site (default: _site)
  -b, --base PATH   URL path the site is served under (default: /), e.g. /listen/
  -q, --quiet       print errors only: no warnings, notes, progress or summary
  -h, --help        show this help`

/** What `build` prints to and reads: the process's own, or stand-ins in tests. */
export interface BuildIo {
  stdout: Terminal
  stderr: Terminal
  env: Record<string, string | undefined>
  /** A clock in ms, for the progress line. */
  now?: () => number
}

const PROCESS_IO: BuildIo = { stdout: process.stdout, stderr: process.stderr, env: process.env }

export async function runBuild(
  args: { dir: string; out: string; base: string; quiet: boolean },
  io: BuildIo = PROCESS_IO,
): Promise<number> {
  const started = milliseconds()
  const progress = args.quiet ? null : progressLine(io.stderr, io.env, io.now)
  const result = await build({
    courseDir: args.dir,
    outDir: args.out,
    base: args.base,
    ...(progress ? { progress: progress.update } : {}),
  }).finally(() => progress?.end())
  const shown = args.quiet ? result.diagnostics.filter((d) => d.severity === 'error') : result.diagnostics
  if (shown.length) io.stderr.write(`${formatDiagnostics(shown, result.sources, styleFor(io.stderr, io.env))}\n\n`)
  if (!result.ok) {
    io.stderr.write(`Build failed: ${countSummary(result.diagnostics)}. Nothing was written.\n`)
    return 1
  }
  if (args.quiet) return 0
  const course = result.course!
  const quizzes = course.sequence.filter((p) => p.quiz)
  const statements = quizzes.reduce((n, p) => n + p.quiz!.bank.length, 0)
  const ms = milliseconds() - started
  const extra = countSummary(result.diagnostics)
  io.stdout.write(
    `Built ${course.sequence.length + 1} pages (${quizzes.length} quizzes, ${statements} statements) of course "${course.id}" into ${args.out} in ${ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`}${extra ? ` with ${extra}` : ''}.\n`,
  )
  io.stdout.write(`${offlineLine(result.plan!.offline)}\n`)
  return 0
}

/** What the summary says about keeping the course offline. */
export function offlineLine(offline: OfflineSummary): string {
  const size = `${(offline.bytes / 1e6).toFixed(1)} MB`
  if (offline.mode === 'off') return 'Offline: off (`offline: false` in the index), so the course needs the network.'
  if (offline.mode === 'visited')
    return `Offline: the site is ${size}, over ${WHOLE_LIMIT / 1e6} MB, so learners' browsers keep pages and files as they visit them, not all at once.`
  return `Offline: learners' browsers keep the whole site (${size}) once they open a page online.`
}
