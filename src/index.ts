/**
 * coursemark's Node API. `build` is what `coursemark build` runs;
 * `compileCourse` builds in memory without writing anything.
 */
export { build, compileCourse, normalizeBase, type BuildOptions, type BuildResult } from './build.ts'
export type { Diagnostic, Severity } from './diagnostic.ts'
export type { Course, CoursePage, Page, Quiz, Statement, SourcePos } from './model/types.ts'
export { formatDiagnostics } from './cli/report.ts'
