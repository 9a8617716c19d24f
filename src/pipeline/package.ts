/**
 * `package`: the pipeline (compile-course.ts) in the relative URL mode, the
 * site planned as an LMS package (emit/plan-package.ts), zipped and written
 * atomically. Nothing is written when the course has errors.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs'
import { resolve, sep } from 'node:path'
import { closest } from '../diagnostics/closest.ts'
import { hasErrors, sortDiagnostics } from '../diagnostics/diagnostic.ts'
import { UserError } from '../diagnostics/user-error.ts'
import { type PackagePlan, planPackage } from '../emit/plan-package.ts'
import { isPackageFormat, PACKAGE_FORMATS, type PackageFormat } from '../emit/scorm/package-format.ts'
import { writeFileAtomic, zipFiles } from '../emit/zip-package.ts'
import { messagesOf } from '../messages/course-messages.ts'
import { type BuildResult, compileCourse } from './compile-course.ts'

export { PACKAGE_FORMATS, type PackageFormat } from '../emit/scorm/package-format.ts'

export interface PackageOptions {
  /** The folder holding the course's Markdown pages. */
  courseDir: string
  /** `scorm12` or `scorm2004`. */
  format: PackageFormat
  /** The zip to write. */
  outFile: string
  /** The URL path the course's own absolute links assume (as for `build`); the package's URLs are relative. */
  base?: string
}

export interface PackageResult extends BuildResult {
  /** The package's files when there were no errors (and the zip was written). */
  package: PackagePlan | null
  /** Size of the zip written, in bytes; 0 when nothing was written. */
  bytes: number
}

/** Builds the course as an LMS package and, when it has no errors, writes the zip atomically. */
export async function packageCourse(options: PackageOptions): Promise<PackageResult> {
  const format = packageFormat(options.format)
  const outFile = resolve(options.outFile)
  checkOutFile(outFile, resolve(options.courseDir))
  const result = await compileCourse({
    courseDir: options.courseDir,
    ...(options.base === undefined ? {} : { base: options.base }),
    lms: true,
  })
  if (!result.ok || !result.plan || !result.course || !result.messages) return { ...result, package: null, bytes: 0 }
  const plan = planPackage(result.course, result.plan, format, messagesOf(result.messages, result.course.index))
  const diagnostics = sortDiagnostics([...result.diagnostics, ...plan.diagnostics])
  if (hasErrors(plan.diagnostics)) return { ...result, ok: false, diagnostics, plan: null, package: null, bytes: 0 }
  const zip = await zipFiles(plan.files)
  writeFileAtomic(outFile, zip)
  return { ...result, diagnostics, package: plan, bytes: zip.length }
}

/** `format` when it names a package format; a usage error listing the formats otherwise. */
export function packageFormat(format: string | undefined): PackageFormat {
  if (format && isPackageFormat(format)) return format
  const near = format ? closest(format, [...PACKAGE_FORMATS]) : null
  throw new UserError(
    format
      ? `Unknown package format "${format}".${near ? ` Did you mean "${near}"?` : ''} The formats are ${PACKAGE_FORMATS.join(' and ')}.`
      : `Say which package to make with --format: ${PACKAGE_FORMATS.join(' or ')}.`,
    {
      hint: 'SCORM 1.2 (scorm12) is what most LMSs take; choose scorm2004 when yours asks for SCORM 2004.',
      usage: true,
    },
  )
}

/** The zip may replace a zip, but never a folder, a file of another kind, or anything in the course. */
function checkOutFile(outFile: string, courseDir: string): void {
  if (outFile.startsWith(courseDir + sep)) {
    throw new UserError(`The package ${outFile} would be inside the course folder.`, {
      hint: 'Write it outside the course, so that a later build does not take it for a file of the course.',
    })
  }
  if (!existsSync(outFile)) return
  if (statSync(outFile).isDirectory()) {
    throw new UserError(`${outFile} is a folder; --out names the zip file to write.`, {
      hint: 'Give a file name, such as `--out course.zip`.',
    })
  }
  if (!isZip(outFile)) {
    throw new UserError(`${outFile} exists and is not a zip file, so coursemark will not replace it.`, {
      hint: 'Choose another --out file, or move that one away.',
    })
  }
}

/** True when the file starts as a zip does (an empty zip included). */
function isZip(path: string): boolean {
  const head = Buffer.alloc(4)
  const fd = openSync(path, 'r')
  try {
    readSync(fd, head, 0, 4, 0)
  } finally {
    closeSync(fd)
  }
  return head.equals(Buffer.from('PK\x03\x04', 'latin1')) || head.equals(Buffer.from('PK\x05\x06', 'latin1'))
}
