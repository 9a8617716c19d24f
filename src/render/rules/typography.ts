/**
 * kramdown's typographic symbols, which replace markdown-it's own
 * `replacements` rule (that one also turns `..` into an ellipsis and `(c)`
 * into ©, which kramdown never did):
 *
 *     ---  →  —      --  →  –      ...  →  …      <<  →  «      >>  →  »
 *
 * Text in code spans is a separate token type and is left alone.
 */
import type { MarkdownIt } from 'markdown-it'
import type { StateCore } from 'markdown-it'

const SYMBOLS = /---|--|\.\.\.|<<|>>/g
const MAP: Record<string, string> = { '---': '\u2014', '--': '\u2013', '...': '\u2026', '<<': '\u00ab', '>>': '\u00bb' }

export function typographyPlugin(md: MarkdownIt): void {
  md.core.ruler.at('replacements', typography)
}

function typography(state: StateCore): void {
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue
    let insideLink = 0
    for (const t of block.children) {
      if (t.type === 'link_open' && t.info === 'auto') insideLink++
      else if (t.type === 'link_close' && t.info === 'auto') insideLink--
      else if (t.type === 'text' && !insideLink && SYMBOLS.test(t.content)) {
        SYMBOLS.lastIndex = 0
        t.content = t.content.replace(SYMBOLS, (m) => MAP[m]!)
      }
    }
  }
}
