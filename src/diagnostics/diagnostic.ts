/**
 * Diagnostics: what every stage reports instead of throwing. Stages collect
 * them into one list so that an author sees every mistake in one run.
 */

export type Severity = 'error' | 'warning' | 'note'

export interface Diagnostic {
  /** `error` fails the build; `warning` is worth fixing; `note` says what the build did for you. */
  severity: Severity
  /** Stable id, such as `quiz/bad-base64`; only warnings may ever be silenced. */
  code: string
  /** One sentence: what is wrong (or, for a note, what was done). */
  message: string
  /** Path relative to the course root, with forward slashes; `''` when no file is involved. */
  file: string
  /** 1-based line; 0 when the diagnostic is about the file as a whole. */
  line: number
  /** 1-based column in UTF-16 code units; 0 when unknown. */
  column: number
  /** What to do next. */
  hint?: string
}

/** The fields a stage passes to make a diagnostic; severity comes from the helper used. */
export type DiagnosticInit = Omit<Diagnostic, 'severity'>

export const error = (d: DiagnosticInit): Diagnostic => ({ severity: 'error', ...d })
export const warning = (d: DiagnosticInit): Diagnostic => ({ severity: 'warning', ...d })
export const note = (d: DiagnosticInit): Diagnostic => ({ severity: 'note', ...d })

/** True when any diagnostic is an error. */
export function hasErrors(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.severity === 'error')
}

/** Orders diagnostics by file, then position, so output is stable. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return list.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column))
}
