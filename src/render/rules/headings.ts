/**
 * Headings as kramdown's GFM parser made them, plus one accessibility fix.
 *
 * - Ids: the raw heading text lower-cased, everything but letters, digits,
 *   `_`, `-` and spaces removed, spaces turned into `-`; a repeat on the same
 *   page gets `-1`, `-2`… An id from an attribute list wins.
 * - Levels: the page title is the `<h1>`, so a body whose top heading is `###`
 *   would skip levels for screen readers. The tags stay as written (authors'
 *   CSS targets them) and `aria-level` carries the level in the outline.
 */
import type { MarkdownIt } from 'markdown-it'
import type { StateCore } from 'markdown-it'
import type { RenderEnv } from '../render-env.ts'

const NON_WORD = /[^\p{L}\p{M}\p{N}\p{Pc}\- \t]/gu

export function headingsPlugin(md: MarkdownIt): void {
  md.core.ruler.push('headings', headings)
}

/** kramdown GFM's header id for `text`, before any repeat suffix. */
export function gfmHeadingId(text: string): string {
  return text.toLowerCase().replace(NON_WORD, '').replace(/[ \t]/g, '-')
}

function headings(state: StateCore): void {
  if (state.inlineMode) return
  const env = state.env as unknown as RenderEnv
  const tokens = state.tokens
  let top = 7
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    if (t.type !== 'heading_open') continue
    const level = Number(t.tag.slice(1))
    if (level < top) top = level
    const inline = tokens[i + 1]!
    env.headings.push({ level, text: inline.content, source: { file: env.file, line: env.line(t.map![0]), column: 1 } })
    if (t.attrGet('id') === null) {
      const base = gfmHeadingId(inline.content)
      const count = (env.headingIds.get(base) ?? -1) + 1
      env.headingIds.set(base, count)
      t.attrSet('id', count > 0 ? `${base}-${count}` : base)
    }
  }
  const shift = top - 2
  if (top === 7 || shift === 0) return
  for (const t of tokens) {
    if (t.type === 'heading_open' && t.attrGet('aria-level') === null) {
      t.attrSet('aria-level', String(Math.max(2, Number(t.tag.slice(1)) - shift)))
    }
  }
}
