/**
 * The Markdown dialect of the reference course: kramdown's GFM input as
 * Jekyll configured it (smart quotes, typographic dashes and ellipses, raw
 * HTML, auto heading ids), built from markdown-it and coursemark's own rules.
 * The rule order below is the render pipeline.
 */
import markdownIt, { type MarkdownIt } from 'markdown-it'
import { attrListPlugin } from './rules/attr-list.ts'
import { headingsPlugin } from './rules/headings.ts'
import { htmlBlockEndPlugin } from './rules/html-block-end.ts'
import { heartPlugin } from './rules/heart.ts'
import { indexOutlinePlugin } from './rules/index-outline.ts'
import { leftoversPlugin } from './rules/leftovers.ts'
import { linksPlugin } from './rules/links.ts'
import { quizPlugin } from './rules/quiz.ts'
import { typographyPlugin } from './rules/typography.ts'

export function createMarkdown(): MarkdownIt {
  const md = markdownIt({ html: true, typographer: true, linkify: false })
  md.use(attrListPlugin) //     block: `{: …}` lines; core: attach them to their block
  md.use(htmlBlockEndPlugin) // core: raw HTML blocks that never end swallow the page
  md.use(quizPlugin) //         core: the `data-n` paragraph and its bank
  md.use(indexOutlinePlugin) // core: index blocks that stand for pages
  md.use(typographyPlugin) //  core: kramdown's dashes and ellipses
  md.use(heartPlugin) //        core, after inline: `<3` → heart
  md.use(headingsPlugin) //     core: kramdown ids, aria-level
  md.use(linksPlugin) //        core: clean-URL links, recorded for checks
  md.use(leftoversPlugin) //    core, before text_join: `{:`, `{{`, `{%` that would show as text
  return md
}
