/**
 * What one build of a course hands to the next, so that `dev` rebuilds only
 * what an edit touches: each cache sits behind the stage it serves.
 *
 * - front matter (load/read-pages.ts): a page is read again only when its
 *   text changes;
 * - parse (render/parse-pages.ts): a body is parsed again only when its text
 *   or the course's shape (any page's file, id or front matter, the title,
 *   the base) changes;
 * - render (render/render-pages.ts): a page is rendered again only when it
 *   was parsed again.
 *
 * An edit to one section's body therefore parses and renders that section
 * alone. The parse cache keeps each page's tokens (about 35 KB a page of the
 * reference course) so that an unchanged page need not be parsed again.
 */
import type { FrontMatterCache } from '../load/read-pages.ts'
import { createMarkdown } from '../render/markdown.ts'
import type { ParseCache } from '../render/parse-pages.ts'
import type { RenderCache } from '../render/render-pages.ts'

export interface BuildCache {
  frontMatter: FrontMatterCache
  parsed: ParseCache
  rendered: RenderCache
  /** The Markdown parser and renderer, made once: a page's tokens are rendered by the parser that made them. */
  md: ReturnType<typeof createMarkdown>
}

export function createBuildCache(): BuildCache {
  return { frontMatter: new Map(), parsed: new Map(), rendered: new Map(), md: createMarkdown() }
}
