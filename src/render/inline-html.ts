/**
 * Inline Markdown to HTML, with a shortcut for the common case. A course
 * renders two short texts per quiz statement (statement and explanation),
 * and most are plain prose: for those, markdown-it's whole rule chain would
 * only turn word-internal apostrophes into ’. The shortcut does exactly that
 * and nothing else; any character that could mean more (emphasis, links,
 * code, entities, HTML, `<3`, quotes, dashes, ellipses) takes the full path.
 * A property test holds the two paths equal.
 */
import type { MarkdownIt } from 'markdown-it'
import type { RenderEnv } from './render-env.ts'

// No Markdown syntax, no HTML or entities, no quotes but apostrophes, no line breaks.
const PLAIN = /^[^\n\r\0\\`~*_[\]!<>&"'|]*$/

export function inlineHtml(md: MarkdownIt, text: string, env: RenderEnv): string {
  const typeset = apostrophes(text)
  if (PLAIN.test(typeset) && !typeset.includes('--') && !typeset.includes('...')) return typeset
  return md.renderInline(text, env)
}

/** Turns each `'` between two ASCII letters or digits into ’ (what smart quotes do mid-word). */
function apostrophes(text: string): string {
  let at = text.indexOf("'")
  if (at < 0) return text
  let out = ''
  let from = 0
  for (; at >= 0; at = text.indexOf("'", at + 1)) {
    if (isAlnum(text.charCodeAt(at - 1)) && isAlnum(text.charCodeAt(at + 1))) {
      out += text.slice(from, at) + '\u2019'
      from = at + 1
    }
  }
  return out + text.slice(from)
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
}
