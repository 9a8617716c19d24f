/** `build`: the pipeline (compile-course.ts), then the site written to disk. */
import { resolve } from 'node:path'
import { UserError } from '../diagnostics/user-error.ts'
import { writeSite } from '../emit/write-site.ts'
import { type BuildOptions, type BuildResult, compileCourse, stepProgress } from './compile-course.ts'

/** Builds the course and, when it has no errors, writes the site atomically. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const outDir = resolve(options.outDir ?? '_site')
  const courseDir = resolve(options.courseDir)
  if (outDir === courseDir || courseDir.startsWith(outDir + '/')) {
    throw new UserError(`The output folder ${outDir} would hold the course itself.`, {
      hint: 'Choose an --out folder outside the course, such as `_site`.',
    })
  }
  const result = await compileCourse({ ...options, outDir })
  if (result.ok && result.plan) await writeSite(result.plan.files, outDir, stepProgress(options.progress, 'write'))
  return result
}
