/**
 * The one table `npm run bench` prints: a row per measure, each judged
 * against its budget. It is a Markdown table, so a run can be pasted into
 * the README as it is.
 */

/** How a row fares against its budget. */
export type Verdict = 'pass' | 'over budget' | 'not measured'

/** One line of the table. */
export interface Row {
  /** What is measured, e.g. `Build, corpus (59 pages)`. */
  name: string
  /** coursemark's figures. */
  coursemark: string
  /** The same work done by others (Hugo, Jekyll, a bare page), or `—`. */
  others: string
  /** The figure the budget is about, e.g. `3.2× Hugo`. */
  measured: string
  /** The budget, e.g. `≤ 1.0× Hugo`. */
  budget: string
  verdict: Verdict
}

const HEAD = ['Measure', 'coursemark', 'Compared with', 'Judged', 'Budget', 'Result'] as const

/** `pass` when `value` is at most `limit`; `not measured` when there is no value. */
export function judge(value: number | null, limit: number): Verdict {
  if (value === null || Number.isNaN(value)) return 'not measured'
  return value <= limit ? 'pass' : 'over budget'
}

/** The rows as an aligned Markdown table. */
export function formatTable(rows: Row[]): string {
  const cells = [
    HEAD as readonly string[],
    ...rows.map((r) => [r.name, r.coursemark, r.others, r.measured, r.budget, r.verdict]),
  ]
  const widths = HEAD.map((_, i) => Math.max(...cells.map((c) => width(c[i]!))))
  const line = (c: readonly string[]) => `| ${c.map((s, i) => s + ' '.repeat(widths[i]! - width(s))).join(' | ')} |`
  return [line(cells[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.slice(1).map(line)].join(
    '\n',
  )
}

/** Columns a string takes in a terminal (the table's `×`, `≤` and `·` take one each). */
function width(s: string): number {
  return [...s].length
}

/** Milliseconds as `42 ms` or `1.23 s`. */
export function formatMs(ms: number): string {
  return ms < 1000 ? `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`
}

/** Bytes as `12.3 KB` (1 KB = 1000 bytes) or `45 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1e6) return `${(bytes / 1000).toFixed(1)} KB`
  return `${Math.round(bytes / 1e6)} MB`
}

/** A ratio as `3.2×`. */
export function formatRatio(ratio: number): string {
  return `${ratio < 10 ? ratio.toFixed(2) : ratio.toFixed(1)}×`
}
