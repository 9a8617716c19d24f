/**
 * coursemark's Node API. `build` is what `coursemark build` runs,
 * `packageCourse` what `coursemark package` runs; `compileCourse` builds in
 * memory without writing anything.
 */
export { build } from './pipeline/build.ts'
export {
  PACKAGE_FORMATS,
  type PackageFormat,
  type PackageOptions,
  type PackageResult,
  packageCourse,
} from './pipeline/package.ts'
export { compileCourse, type BuildOptions, type BuildProgress, type BuildResult } from './pipeline/compile-course.ts'
export { normalizeBase } from './pipeline/site-options.ts'
export type { Diagnostic, Severity } from './diagnostics/diagnostic.ts'
export type { Course, CoursePage, Quiz, Statement } from './model/types.ts'
export type { Page, SourcePos } from './load/types.ts'
export { formatDiagnostics } from './diagnostics/format.ts'
