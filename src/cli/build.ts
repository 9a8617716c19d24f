/** `coursemark build [COURSE_DIR] [--out DIR] [--base PATH]` */
import { build } from '../pipeline/build.ts'
import { countSummary, formatDiagnostics } from '../diagnostics/format.ts'
import { styleFor } from './report-style.ts'
import { type OfflineSummary, WHOLE_LIMIT } from '../emit/offline-worker.ts'

export const BUILD_HELP = `Usage: coursemark build [COURSE_DIR] [--out DIR] [--base PATH]

Builds the course in COURSE_DIR (default: the current folder) into a static
site. Nothing is written unless the whole course builds: every error is
printed, and the previous site is left as it was.

Options:
  -o, --out DIR     where to write the site (default: _site)
  -b, --base PATH   URL path the site is served under (default: /), e.g. /listen/
  -h, --help        show this help`

export async function runBuild(args: { dir: string; out: string; base: string }): Promise<number> {
  const started = process.hrtime.bigint()
  const result = await build({ courseDir: args.dir, outDir: args.out, base: args.base })
  const style = styleFor(process.stderr)
  if (result.diagnostics.length)
    process.stderr.write(`${formatDiagnostics(result.diagnostics, result.sources, style)}\n\n`)
  if (!result.ok) {
    process.stderr.write(`Build failed: ${countSummary(result.diagnostics)}. Nothing was written.\n`)
    return 1
  }
  const course = result.course!
  const quizzes = course.sequence.filter((p) => p.quiz)
  const statements = quizzes.reduce((n, p) => n + p.quiz!.bank.length, 0)
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  const extra = countSummary(result.diagnostics)
  process.stdout.write(
    `Built ${course.sequence.length + 1} pages (${quizzes.length} quizzes, ${statements} statements) of course "${course.id}" into ${args.out} in ${ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`}${extra ? ` with ${extra}` : ''}.\n`,
  )
  process.stdout.write(`${offlineLine(result.plan!.offline)}\n`)
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
