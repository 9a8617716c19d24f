/**
 * The inline scripts every page carries so the quiz shows before the
 * deferred runtime arrives (src/runtime/first-paint/): the head gate, with
 * the site's settings put in its slot, and the quiz's draw script, the same
 * on every page. The layout hashes exactly these texts into each page's
 * Content-Security-Policy.
 */
import type { SiteOptions } from '../render/types.ts'

const GATE_SLOT = '__CM_GATE__'

/** The storage key of a course's progress, as src/runtime/browser-home.ts names it (a test holds the two alike). */
export function progressKey(course: string): string {
  return `coursemark:${course}:v2`
}

/**
 * The head gate of course `course`. An LMS package's pages keep progress in
 * the LMS, not in this browser's storage, so their gate reads nothing
 * (`k: ''`) and leaves every gated page to the runtime.
 */
export function gateScript(js: string, course: string, options: Pick<SiteOptions, 'lms' | 'openAll'>): string {
  const at = js.indexOf(GATE_SLOT)
  if (at < 0 || js.indexOf(GATE_SLOT, at + 1) >= 0) throw new Error(`the gate must refer to ${GATE_SLOT} exactly once`)
  // `o` (open-all) only when set: the gate takes its absence for false.
  const config = { k: options.lms ? '' : progressKey(course), ...(options.openAll ? { o: true } : {}) }
  // Inline in the page: `<` written as `\u003c`, so no course id can end the script element.
  const text = JSON.stringify(config).replace(/</g, '\\u003c')
  return (js.slice(0, at) + text + js.slice(at + GATE_SLOT.length)).trim()
}

/** The draw script, made to sit inline in a page (no `</script>` in it, no trailing newline). */
export function drawScript(js: string): string {
  if (/<\/script/i.test(js)) throw new Error('the draw script must not hold </script')
  return js.trim()
}
