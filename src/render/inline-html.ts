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
const APOSTROPHE = /(?<=[A-Za-z0-9])'(?=[A-Za-z0-9])/g

export function inlineHtml(md: MarkdownIt, text: string, env: RenderEnv): string {
  const typeset = text.replace(APOSTROPHE, '\u2019')
  if (PLAIN.test(typeset) && !typeset.includes('--') && !typeset.includes('...')) return typeset
  return md.renderInline(text, env)
}
