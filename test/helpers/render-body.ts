/**
 * One page rendered in memory, the way the parse and render stages do it,
 * for the tests of the Markdown dialect and its rules: a page `p.md` of the
 * given kind whose body starts on line 6, beside an index.
 */
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts'
import { parseFrontMatter } from '../../src/load/front-matter.ts'
import { builtInMessages } from '../../src/messages/course-messages.ts'
import { courseLookup } from '../../src/render/course-lookup.ts'
import { createMarkdown } from '../../src/render/markdown.ts'
import { type ParsedPage, parsePage } from '../../src/render/parse-page.ts'
import { type RenderedPage, renderPage } from '../../src/render/render-page.ts'

const md = createMarkdown()

export interface RenderedBody {
  rendered: RenderedPage
  parsed: ParsedPage
  /** Everything parsing and rendering reported. */
  diagnostics: Diagnostic[]
}

export interface RenderBodyOptions {
  /** Liquid's `site`; absent or null: Liquid does not run. Call loadLiquid first. */
  liquid?: Record<string, unknown> | null
  /** Render as a page of an LMS package, whose base is /listen/ and whose URLs are relative. */
  lms?: boolean
}

/** Parses and renders `body`. Call loadHtmlScanner first when the body holds raw HTML. */
export function renderBody(body: string, kind = 'section', options: RenderBodyOptions = {}): RenderedBody {
  const { page } = parseFrontMatter({ path: 'p.md', text: `---\ntitle: P\nclass: ${kind}\nserial: 1\n---\n${body}` })
  const { page: home } = parseFrontMatter({ path: 'index.md', text: '---\ntitle: Home\nclass: index\n---\n' })
  if (!page || !home) throw new Error(`not a page of kind ${kind}`)
  const diagnostics: Diagnostic[] = []
  const lms = options.lms ?? false
  const lookup = courseLookup([home, page], { base: lms ? '/listen/' : '/', urls: lms ? 'relative' : 'absolute', lms })
  const parsed = parsePage(md, page, lookup, options.liquid ?? null, diagnostics, builtInMessages('en'))
  if (!parsed) throw new Error(`p.md does not parse: ${diagnostics.map((d) => d.message).join('; ')}`)
  const rendered = renderPage(md, parsed, parsed.quiz.quiz, diagnostics)
  return { rendered, parsed, diagnostics }
}
