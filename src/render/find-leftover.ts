/**
 * The last guard against syntax showing as text: the first `{:`, `{{` or
 * `{%` in rendered HTML outside `<code>` and `<pre>`. The Markdown rules
 * report each at its place (rules/leftovers.ts); this finds any they could
 * not see, such as one made of two tokens or one in a link title.
 */

const SCAN = /\{[:{%]|<(\/?)(code|pre)\b/gi

/** The offset of the first sequence outside code in `html`, or -1. One pass, linear. */
export function findLeftover(html: string): number {
  let depth = 0
  SCAN.lastIndex = 0
  for (let m = SCAN.exec(html); m; m = SCAN.exec(html)) {
    if (m[2] === undefined) {
      if (depth === 0) return m.index
    } else depth = m[1] ? Math.max(0, depth - 1) : depth + 1
  }
  return -1
}
