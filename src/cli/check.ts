/** `coursemark check [COURSE_DIR] [--format text|json] [--strict] [--base PATH]` */
import { resolve } from 'node:path'
import { compileCourse } from '../pipeline/compile-course.ts'
import { sortDiagnostics, type Diagnostic, type Severity } from '../diagnostics/diagnostic.ts'
import { checkCourse } from '../check/check-course.ts'
import { countSummary, formatDiagnostics } from '../diagnostics/format.ts'
import { UserError } from '../diagnostics/user-error.ts'
import { styleFor } from './report-style.ts'

export const CHECK_HELP = `Usage: coursemark check [COURSE_DIR] [--format text|json] [--strict] [--base PATH]

Finds mistakes in the course in COURSE_DIR (default: the current folder)
without writing anything: every error that would stop \`coursemark build\`,
the build's notes, and warnings about what builds but would let learners
down (a repeated statement, an empty explanation, a bank smaller than twice
its data-n, a bank whose answers are all the same, a gap in serial, a link to
a page or file the course lacks, an image without alt text or file, a heading
level that jumps).

Options:
  -f, --format FMT  text (default) or json: one JSON document for editors and CI
      --strict      exit 1 on warnings too
  -b, --base PATH   URL path the site will be served under (default: /), so
                    that absolute links to it can be checked
  -h, --help        show this help

Exit codes: 0 no errors (and, with --strict, no warnings), 1 errors, 2 bad usage.`

/** The document \`--format json\` prints. */
export interface CheckReport {
  /** Format version of this document. */
  version: 1
  /** The course folder, absolute, which the diagnostics' files are relative to. */
  root: string
  /** True when the exit code is 0. */
  ok: boolean
  /** Markdown pages read. */
  pages: number
  /** How many diagnostics of each severity. */
  counts: Record<Severity, number>
  /** Every diagnostic, sorted by file and position. */
  diagnostics: Diagnostic[]
}

export async function runCheck(args: { dir: string; format: string; strict: boolean; base: string }): Promise<number> {
  if (args.format !== 'text' && args.format !== 'json')
    throw new UserError(`--format must be text or json, not ${JSON.stringify(args.format)}.`, { usage: true })
  const result = await compileCourse({ courseDir: args.dir, base: args.base })
  const diagnostics = sortDiagnostics([
    ...result.diagnostics,
    ...checkCourse({ course: result.course, pages: result.pages, statics: result.statics, base: args.base }),
  ])
  const counts: Record<Severity, number> = { error: 0, warning: 0, note: 0 }
  for (const d of diagnostics) counts[d.severity]++
  const ok = counts.error === 0 && !(args.strict && counts.warning > 0)

  if (args.format === 'json') {
    const report: CheckReport = {
      version: 1,
      root: resolve(args.dir),
      ok,
      pages: result.sources.size,
      counts,
      diagnostics,
    }
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
    return ok ? 0 : 1
  }
  const pages = `${result.sources.size} page${result.sources.size === 1 ? '' : 's'}`
  if (diagnostics.length)
    process.stdout.write(`${formatDiagnostics(diagnostics, result.sources, styleFor(process.stdout))}\n\n`)
  const summary = countSummary(diagnostics)
  process.stdout.write(
    `Checked ${pages}: ${summary || 'no problems found'}${!ok && counts.error === 0 ? ' (--strict: warnings fail the check)' : ''}.\n`,
  )
  return ok ? 0 : 1
}
