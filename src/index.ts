/**
 * coursemark's Node API. `build` is what `coursemark build` runs;
 * `compileCourse` builds in memory without writing anything.
 */
export { build, compileCourse, normalizeBase, type BuildOptions, type BuildResult } from './build.ts'
export type { Diagnostic, Severity } from './diagnostics/diagnostic.ts'
export type { Course, CoursePage, Quiz, Statement } from './model/types.ts'
export type { Page, SourcePos } from './load/types.ts'
export { formatDiagnostics } from './diagnostics/format.ts'
