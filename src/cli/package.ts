/** `coursemark package [COURSE_DIR] --format scorm12|scorm2004 --out FILE.zip [--base PATH]` */
import { countSummary, formatDiagnostics } from '../diagnostics/format.ts'
import { UserError } from '../diagnostics/user-error.ts'
import { PACKAGE_FORMATS, packageCourse, packageFormat } from '../pipeline/package.ts'
import { styleFor } from './report-style.ts'

export const PACKAGE_HELP = `Usage: coursemark package [COURSE_DIR] --format ${PACKAGE_FORMATS.join('|')} --out FILE.zip [--base PATH]

Makes the course in COURSE_DIR (default: the current folder) into a SCORM
package for a learning platform (LMS): one zip holding the whole course as
one activity, which keeps each learner's progress in the LMS and reports
"passed" when every section is done. Nothing is written unless the whole
course builds.

Options:
  -f, --format F    scorm12 (SCORM 1.2, what most LMSs take) or scorm2004
                    (SCORM 2004 4th Edition)
  -o, --out FILE    the zip to write (outside the course folder); an existing
                    zip is replaced
  -b, --base PATH   the URL path the course's own absolute links assume, as
                    for build (default: /); the package itself links relatively
  -h, --help        show this help`

export async function runPackage(args: {
  dir: string
  format: string | undefined
  out: string | undefined
  base: string
}): Promise<number> {
  const started = process.hrtime.bigint()
  const format = packageFormat(args.format)
  if (!args.out) {
    throw new UserError('Say where to write the package with --out FILE.zip.', {
      hint: `As in \`coursemark package ${args.dir} --format ${format} --out course.zip\`.`,
      usage: true,
    })
  }
  const result = await packageCourse({ courseDir: args.dir, format, outFile: args.out, base: args.base })
  const style = styleFor(process.stderr)
  if (result.diagnostics.length)
    process.stderr.write(`${formatDiagnostics(result.diagnostics, result.sources, style)}\n\n`)
  if (!result.ok || !result.package) {
    process.stderr.write(`Package failed: ${countSummary(result.diagnostics)}. Nothing was written.\n`)
    return 1
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  const extra = countSummary(result.diagnostics)
  process.stdout.write(
    `Packaged ${result.course!.sequence.length + 1} pages as ${format} into ${args.out} (${result.package.files.size} files, ${kb(result.bytes)}) in ${ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`}${extra ? ` with ${extra}` : ''}.\n`,
  )
  return 0
}

function kb(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
