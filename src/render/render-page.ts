/**
 * Renders one parsed page's body to HTML: the tokens through markdown-it's
 * renderer, its quiz as the `data-cm-quiz` JSON (quiz-data.ts), and the
 * clean-up of legacy HTML (legacy-html.ts).
 */
import type { MarkdownIt, Token } from 'markdown-it'
import { error, type Diagnostic } from '../diagnostics/diagnostic.ts'
import type { Page } from '../load/types.ts'
import type { Quiz } from '../model/types.ts'
import { findLeftover } from './find-leftover.ts'
import { type HtmlPlace, type IndexAction, type PageStyles, replaceLegacyHtml } from './legacy-html.ts'
import type { ParsedPage } from './parse-page.ts'
import { quizView } from './quiz-data.ts'
import type { RenderEnv } from './render-env.ts'
import { isHeart } from './rules/heart.ts'
import type { FoundHeading, FoundLink } from './types.ts'

export interface RenderedPage {
  page: Page
  /** The page's quiz, as the parse stage decoded it. */
  quiz: Quiz | null
  /** The body as HTML, without the layout around it. */
  html: string
  /** Index only: which of begin / continue / reset the author's own buttons provide. */
  actions: Set<IndexAction>
  /**
   * Whether the body, or an explanation the runtime shows once the quiz is
   * scored, holds code, preformatted text, a table or a block quote: the
   * page then carries the stylesheet's rules for them (layout.ts).
   */
  blocks: boolean
  /** Index only: whether the body has blocks standing for pages (`data-cm-link`). */
  hasOutline: boolean
  /** The author's inline styles in the body, which the page's Content-Security-Policy allows by hash. */
  styles: PageStyles
  /** Headings of the body, in order (the page title is not one). */
  headings: FoundHeading[]
  /** Links and images of the body and of the quiz's statements, in order. */
  links: FoundLink[]
}

/**
 * Renders `parsed` with `quiz`, the page's quiz as the course holds it,
 * reporting into `diagnostics`. The parsed page is left as it was: rendering
 * records the links of the statements in its own copy of the list.
 */
export function renderPage(
  md: MarkdownIt,
  parsed: ParsedPage,
  quiz: Quiz | null,
  diagnostics: Diagnostic[],
): RenderedPage {
  const page = parsed.page
  const env: RenderEnv = { ...parsed.env, links: [...parsed.env.links], diagnostics, quizView: null }
  if (quiz) env.quizView = quizView(quiz, md, env)
  const html = md.renderer.render(parsed.tokens, md.options, env)
  const isIndex = page.front.kind === 'index'
  // Only raw HTML can hold scripts, handlers or what swallows the page; the rest is markdown-it's own.
  const legacy = hasRawHtml(parsed.tokens)
    ? replaceLegacyHtml(html, { isIndex, hasQuiz: quiz !== null }, bodyPlace(page), diagnostics)
    : { html, actions: new Set<IndexAction>(), styles: { elements: [], attributes: styleAttributes(parsed.tokens) } }
  if (env.leftovers === 0) reportLeftover(legacy.html, page, diagnostics)
  return {
    page,
    quiz,
    html: legacy.html,
    blocks: BLOCKS.test(legacy.html) || (env.quizView?.explanations.some((x) => BLOCKS.test(x)) ?? false),
    actions: legacy.actions,
    hasOutline: isIndex && legacy.html.includes('data-cm-link='),
    styles: legacy.styles,
    headings: env.headings,
    links: env.links,
  }
}

/** An element the stylesheet's `blocks` part styles (render/blocks.css). */
const BLOCKS = /<(?:code|pre|table|th|td|blockquote)[\s>]/i

/** Diagnostics about the body's HTML point at the first place in the page's Markdown where the tag is written. */
function bodyPlace(page: Page): HtmlPlace {
  return { file: page.file, isBody: true, find: (needle) => placeInSource(page.body, page.bodyLine, needle) }
}

/** The line and column of `needle` in `source` (starting at file line `firstLine`), or else of its tag name; else the start. */
export function placeInSource(source: string, firstLine: number, needle: string): { line: number; column: number } {
  let at = source.indexOf(needle)
  if (at < 0) {
    const name = /^<\/?[^\s/>]+/.exec(needle)?.[0]
    at = name ? source.toLowerCase().indexOf(name.toLowerCase()) : -1
  }
  if (at < 0) return { line: firstLine, column: 1 }
  const before = source.slice(0, at)
  return { line: firstLine + before.split('\n').length - 1, column: at - before.lastIndexOf('\n') }
}

/** The `style` attributes attribute lists gave the body's blocks, in order. */
function styleAttributes(tokens: Token[]): string[] {
  const styles: string[] = []
  for (const t of tokens) {
    const style = t.attrs ? t.attrGet('style') : null
    if (style !== null) styles.push(String(style))
  }
  return styles
}

/** True when the tokens hold HTML the author wrote (hearts are ours). */
export function hasRawHtml(tokens: Token[]): boolean {
  for (const t of tokens) {
    if (t.type === 'html_block') return true
    if (t.children) for (const c of t.children) if (c.type === 'html_inline' && !isHeart(c)) return true
  }
  return false
}

/** Reports a `{:`, `{{` or `{%` left in the page's HTML outside code that no rule reported at its place. */
function reportLeftover(html: string, page: Page, diagnostics: Diagnostic[]): void {
  const at = findLeftover(html)
  if (at < 0) return
  const seq = html.slice(at, at + 2)
  // Best guess at the place: the first such sequence in the page's source.
  const inSource = page.body.indexOf(seq)
  const before = inSource < 0 ? '' : page.body.slice(0, inSource)
  const lineStart = before.lastIndexOf('\n') + 1
  diagnostics.push(
    error({
      code: 'page/text-left-as-syntax',
      message: `The page would show \`${seq}\` as text.`,
      file: page.file,
      line: page.bodyLine + before.split('\n').length - 1,
      column: inSource < 0 ? 1 : inSource - lineStart + 1,
      hint: 'Put attribute lists on a line of their own after their block, and write `\\{` for a brace meant as text.',
    }),
  )
}
