/**
 * `<3` in text becomes a heart: an inline SVG (no icon font, nothing to load)
 * with `role="img"` and a text alternative, so a screen reader says "heart"
 * (`page.heart`, in the page's language: the env's `ui`).
 */
import type { MarkdownIt } from 'markdown-it'
import type { StateCore } from 'markdown-it'
import type { Token } from 'markdown-it'
import type { Messages } from '../../messages/course-messages.ts'
import { messageHtml } from '../../messages/format-message.ts'

/** The heart, named `label` (HTML, already escaped). */
export function heartSvg(label: string): string {
  return `<svg class="cm-heart" role="img" aria-label="${label}" viewBox="0 0 16 16" width="16" height="16"><path d="M8 14.5 1.9 8.6A3.9 3.9 0 0 1 8 3.7a3.9 3.9 0 0 1 6.1 4.9z"/></svg>`
}

/** True for the token of a heart: HTML coursemark wrote, not the author. */
export function isHeart(token: Token): boolean {
  return token.type === 'html_inline' && token.info === 'cm-heart'
}

export function heartPlugin(md: MarkdownIt): void {
  md.core.ruler.push('heart', hearts)
}

function hearts(state: StateCore): void {
  const ui = (state.env as { ui?: Messages }).ui
  const svg = heartSvg(ui ? messageHtml(ui, 'page.heart') : 'heart')
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children || !block.content.includes('<3')) continue
    const out: Token[] = []
    for (const t of block.children) {
      if (t.type !== 'text' || !t.content.includes('<3')) {
        out.push(t)
        continue
      }
      const parts = t.content.split('<3')
      parts.forEach((part, k) => {
        if (k > 0) {
          const heart = new state.Token('html_inline', '', 0)
          heart.content = svg
          heart.info = 'cm-heart'
          out.push(heart)
        }
        if (part) {
          const text = new state.Token('text', '', 0)
          text.content = part
          out.push(text)
        }
      })
    }
    block.children = out
  }
}
