/**
 * Titles (front matter `title`, `course_title`) are plain text, but they get
 * the same typography as the body: curly quotes, dashes, ellipses and
 * hearts. Without this a page's `<h1>` says "7 Cups' values" while the index,
 * whose Liquid loop puts titles through Markdown, says "7 Cups’ values".
 */
import markdownIt, { type MarkdownIt } from 'markdown-it'
import type { Messages } from '../messages/course-messages.ts'
import { messageText } from '../messages/format-message.ts'
import { heartPlugin } from './rules/heart.ts'
import { typographyPlugin } from './rules/typography.ts'

let md: MarkdownIt | null = null
// The course title is on every page and a section's title in every dot of its chapter: render each once.
const rendered = new Map<string, string>()

/** The title as HTML, with typography and with Markdown's own syntax shown as written; a heart named in `ui`'s language. */
export function titleHtml(title: string, ui: Messages): string {
  // The heart's name is part of the key: a course's pages may be in two languages.
  const key = `${messageText(ui, 'page.heart')}\0${title}`
  let html = rendered.get(key)
  if (html === undefined) {
    md ??= markdownIt({ html: false, typographer: true, linkify: false }).use(typographyPlugin).use(heartPlugin)
    // Backslashes make Markdown's syntax characters literal; quotes, dashes and dots stay for the typographer.
    html = md.renderInline(
      title.replace(/[\\`*_[\]<>&!~|#]/g, (c) => (c === '<' ? '<' : `\\${c}`)),
      { ui },
    )
    rendered.set(key, html)
  }
  return html
}

/** The title as text, for `<title>`: typography without markup. */
export function titleText(title: string, ui: Messages): string {
  return titleHtml(title, ui)
    .replace(/<svg\b[^>]*aria-label="([^"]*)"[\s\S]*?<\/svg>/g, '♥')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
}
