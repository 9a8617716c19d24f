/** The lines `dev` prints after each build, for the author. */
import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import { countSummary } from '../diagnostics/format.ts'
import type { BuildResult } from '../pipeline/compile-course.ts'

/** After the first build: how many pages, how long, and what it reported; or that the browser shows why it failed. */
export function firstBuildLine(result: BuildResult | null, elapsed: number): string {
  if (!result?.ok) return 'The course does not build yet: the browser shows why, and the page reloads when it is fixed.'
  const extra = result.diagnostics.length ? ` with ${countSummary(result.diagnostics)}` : ''
  return `Built ${result.pages.size} pages in ${ms(elapsed)}${extra}.`
}

/** After a rebuild that failed: `what` changed, the errors, and how many pages show them. */
export function failedLine(what: string, elapsed: number, errors: readonly Diagnostic[], sent: number): string {
  return `Build failed after ${what} changed (${ms(elapsed)}): ${countSummary(errors)}; ${pages(sent, 'shown in')}.`
}

/** After a rebuild that changed the site: pages rendered, files updated, pages told to reload. */
export function rebuiltLine(what: string, elapsed: number, rendered: number, updated: number, sent: number): string {
  return `Rebuilt in ${ms(elapsed)} after ${what} changed: ${count(rendered, 'page')} rendered, ${count(updated, 'file')} updated, ${pages(sent, 'reload sent to')}.`
}

/** After a rebuild that changed nothing. */
export function unchangedLine(what: string, elapsed: number): string {
  return `Rebuilt in ${ms(elapsed)} after ${what} changed: the site is the same.`
}

/** Milliseconds to one decimal, as the reload event carries them. */
export function round(n: number): number {
  return Math.round(n * 10) / 10
}

function ms(n: number): string {
  return n < 1000 ? `${round(n)} ms` : `${(n / 1000).toFixed(1)} s`
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

function pages(n: number, verb: string): string {
  return `${verb} ${count(n, 'page')}`
}
