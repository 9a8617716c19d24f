/**
 * Syntax that would show as text: `{:` outside an attribute-list line (an
 * attribute list in a table cell or mid-paragraph), and `{{` or `{%` left in
 * the text after Liquid ran (`{{ '{{' }}`). kramdown would drop the first
 * and Jekyll show the others; either way the page would not say what the
 * author meant, so each is an error at its place.
 *
 *     | a | {: .wide} |        ← a table cell: no block to attach to
 *            ^ error
 *
 * Braces the author escaped (`\{:`) or wrote as an entity (`&#123;:`) are
 * meant as text: they are written `&#123;`, so that no `{:`, `{{` or `{%`
 * is ever left in a built page outside code. Runs before `text_join`, while
 * escapes are still tokens of their own.
 */
import type { MarkdownIt, StateCore, Token } from 'markdown-it'
import { error } from '../../diagnostics/diagnostic.ts'
import type { RenderEnv } from '../render-env.ts'

/** The sequences that must not reach a page as text. */
export const LEFTOVER = /\{[:{%]/

export function leftoversPlugin(md: MarkdownIt): void {
  md.core.ruler.before('text_join', 'leftovers', findLeftovers)
  md.renderer.rules['cm_brace'] = () => '&#123;'
}

function findLeftovers(state: StateCore): void {
  const env = state.env as unknown as RenderEnv
  // Inline text (a quiz statement) is checked by whoever renders it, which knows its place.
  const place = !state.inlineMode
  let line = 0
  let lines: string[] | null = null
  for (const t of state.tokens) {
    if (t.map) line = t.map[0]
    if (
      place &&
      t.type === 'html_block' &&
      !(t.meta as { endless?: boolean } | null)?.endless &&
      LEFTOVER.test(t.content)
    ) {
      lines ??= state.src.split('\n')
      report(env, lines, t.content, 0, line)
    } else if (t.type === 'inline' && t.children) {
      const index = leftoverIndex(t.children)
      if (place && index >= 0) {
        lines ??= state.src.split('\n')
        report(env, lines, t.content, index, line)
      }
    }
  }
}

/**
 * Among the sequences in `children`'s contents, in order, the index of the
 * first one in text (not code, not an escape); -1 when none is in text.
 * Escaped braces before one of `:{%` become `cm_brace` tokens on the way.
 */
function leftoverIndex(children: Token[]): number {
  let seen = 0
  let found = -1
  for (let i = 0; i < children.length; i++) {
    const c = children[i]!
    if (c.type === 'text_special' && c.content === '{' && /^[:{%]/.test(children[i + 1]?.content ?? '')) {
      c.type = 'cm_brace'
      continue
    }
    const count = countLeftovers(c.content)
    if (found < 0 && count > 0 && (c.type === 'text' || c.type === 'html_inline')) found = seen
    seen += count
  }
  return found
}

function countLeftovers(text: string): number {
  let n = 0
  for (let at = text.indexOf('{'); at >= 0; at = text.indexOf('{', at + 1))
    if (LEFTOVER.test(text.slice(at, at + 2))) n++
  return n
}

/** Reports the `index`-th sequence of `content`, a block starting at 0-based `mdLine`. */
function report(env: RenderEnv, lines: readonly string[], content: string, index: number, mdLine: number): void {
  let at = -1
  for (let k = 0; k <= index; k++) {
    at = content.indexOf('{', at + 1)
    while (at >= 0 && !LEFTOVER.test(content.slice(at, at + 2))) at = content.indexOf('{', at + 1)
    if (at < 0) break
  }
  const before = at < 0 ? '' : content.slice(0, at)
  const offset = before.split('\n').length - 1
  const seq = at < 0 ? '{:' : content.slice(at, at + 2)
  const column = columnOf(lines[mdLine + offset] ?? '', before.slice(before.lastIndexOf('\n') + 1), seq)
  env.leftovers++
  env.diagnostics.push(
    error({
      code: seq === '{:' ? 'attr-list/not-on-its-own-line' : 'liquid/left-in-text',
      message:
        seq === '{:'
          ? '`{:` starts an attribute list, but this one is not on a line of its own after a block, so it would show as text.'
          : `\`${seq}\` is left in the text after Liquid ran, so it would show as it is.`,
      file: env.file,
      line: env.line(mdLine + offset),
      column,
      hint:
        seq === '{:'
          ? 'Put `{: …}` on the line right after the paragraph, heading or list it belongs to (not in a table cell), or write `\\{:` to show it as text.'
          : `To show the braces, write \`\\${seq}\` or put them in \`code\`; if Liquid should replace it, check the tag.`,
    }),
  )
}

/**
 * The 1-based column in `source` (a line as written) of `seq`, found after
 * `before` (the block's text on that line up to it). The block's text is the
 * line less its indent; a table cell's is not, so then the same occurrence
 * is looked for on the line.
 */
function columnOf(source: string, before: string, seq: string): number {
  const indent = source.length - source.trimStart().length
  if (source.startsWith(seq, indent + before.length)) return indent + before.length + 1
  let at = -1
  for (let k = before.split(seq).length - 1; k >= 0; k--) {
    at = source.indexOf(seq, at + 1)
    if (at < 0) return 1
  }
  return at + 1
}
