/**
 * `check`'s warning about the course order: a gap in `serial` often means a
 * page was deleted or renamed by mistake. Pure.
 */
import { warning, type Diagnostic } from '../diagnostics/diagnostic.ts'
import type { Course } from '../model/types.ts'

/** A warning at each page whose serial is more than one after the page before it. */
export function checkSerials(course: Course): Diagnostic[] {
  const out: Diagnostic[] = []
  const pages = course.sequence.map((p) => p.page)
  for (let k = 1; k < pages.length; k++) {
    const before = pages[k - 1]!
    const page = pages[k]!
    const a = before.front.serial!
    const b = page.front.serial!
    if (b - a < 2) continue
    const missing =
      b - a === 2 ? `serial ${a + 1}` : b - a === 3 ? `serials ${a + 1} and ${a + 2}` : `serials ${a + 1} to ${b - 1}`
    out.push(
      warning({
        code: 'course/serial-gap',
        message: `serial jumps from ${a} (${before.file}) to ${b}: no page has ${missing}.`,
        file: page.file,
        line: page.front.fieldLines['serial'] ?? 1,
        column: 1,
        hint: 'Pages are ordered by serial, so a gap changes nothing for learners; but if a page is missing, add it, or renumber the pages.',
      }),
    )
  }
  return out
}
