/**
 * `check`'s warning about headings: a level that jumps (`##` then `####`)
 * leaves a hole in the outline screen-reader users navigate by. Pure.
 *
 * The first heading of a page may be any level (the build tells assistive
 * technology it comes right under the page title); after that, each heading
 * may go down one level at most.
 */
import { warning, type Diagnostic } from '../diagnostics/diagnostic.ts'
import type { FoundHeading } from '../render/types.ts'

/** A warning at each heading more than one level below the heading before it. */
export function checkHeadings(headings: readonly FoundHeading[]): Diagnostic[] {
  const out: Diagnostic[] = []
  for (let k = 1; k < headings.length; k++) {
    const before = headings[k - 1]!
    const h = headings[k]!
    if (h.level <= before.level + 1) continue
    out.push(
      warning({
        code: 'heading/skipped-level',
        message: `This heading is level ${h.level} (${'#'.repeat(h.level)}) right after a level ${before.level} heading on line ${before.source.line}: level ${before.level + 1} is skipped.`,
        file: h.source.file,
        line: h.source.line,
        column: h.source.column,
        hint: `Make it ${'#'.repeat(before.level + 1)}, or put a level ${before.level + 1} heading before it.`,
      }),
    )
  }
  return out
}
