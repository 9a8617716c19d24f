/**
 * Diagnostics as people read them, for the CLI, `dev`'s error page and the
 * Node API: `file:line:column: severity: message [code]`,
 * the source line with a caret under the spot, and the hint.
 *
 *     pages/intro.md:14:3: error: This bank item is not valid base64. [quiz/bad-base64]
 *        14 | - Listen
 *           |   ^
 *       hint: Each item is base64 of `statement/Y/explanation`…
 */
import type { Diagnostic, Severity } from './diagnostic.ts'

export interface ReportStyle {
  /** Use ANSI colours (only on a terminal, never with NO_COLOR). */
  color: boolean
}

const COLORS: Record<Severity, string> = { error: '31', warning: '33', note: '36' }

export function formatDiagnostic(d: Diagnostic, sources: ReadonlyMap<string, string>, style: ReportStyle): string {
  const paint = (code: string, s: string) => (style.color ? `\u001b[${code}m${s}\u001b[0m` : s)
  const where = d.file ? `${placeOf(d)}: ` : ''
  const lines = [
    `${paint('1', where)}${paint(`1;${COLORS[d.severity]}`, `${d.severity}:`)} ${d.message} ${paint('2', `[${d.code}]`)}`,
  ]
  const text = d.line > 0 ? sources.get(d.file)?.split('\n')[d.line - 1] : undefined
  if (text !== undefined) {
    const num = String(d.line)
    const shown = text.length > 120 ? `${text.slice(0, 117)}…` : text
    lines.push(`  ${paint('2', `${num} |`)} ${shown}`)
    if (d.column > 0 && d.column <= shown.length + 1) {
      const pad = shown.slice(0, d.column - 1).replace(/[^\t]/g, ' ')
      lines.push(`  ${' '.repeat(num.length)} ${paint('2', '|')} ${pad}${paint(`1;${COLORS[d.severity]}`, '^')}`)
    }
  }
  if (d.hint) lines.push(`  ${paint('1', 'hint:')} ${d.hint}`)
  return lines.join('\n')
}

/** `file:line:column`, leaving out what is unknown (0); `''` when no file is involved. */
export function placeOf(d: Diagnostic): string {
  return d.file ? `${d.file}${d.line ? `:${d.line}${d.column ? `:${d.column}` : ''}` : ''}` : ''
}

export function formatDiagnostics(
  list: readonly Diagnostic[],
  sources: ReadonlyMap<string, string>,
  style: ReportStyle,
): string {
  return list.map((d) => formatDiagnostic(d, sources, style)).join('\n\n')
}

/** `2 errors, 1 warning`; empty when there is nothing. */
export function countSummary(list: readonly Diagnostic[]): string {
  const n = (s: Severity) => list.filter((d) => d.severity === s).length
  const part = (k: number, word: string) => (k ? `${k} ${word}${k > 1 ? 's' : ''}` : '')
  return [part(n('error'), 'error'), part(n('warning'), 'warning'), part(n('note'), 'note')].filter(Boolean).join(', ')
}
