/**
 * What one build of a course can hand to the next, so that `dev` rebuilds
 * only what an edit touches: a page's front matter is parsed again only when
 * its text changes, and its body is rendered again only when its text or the
 * course's shape (any page's file, id or front matter, the base) changes.
 * An edit to one section's body therefore renders that section alone.
 */
import type { Diagnostic } from './diagnostics/diagnostic.ts'
import type { ParsedPage } from './load/front-matter.ts'
import type { Course } from './model/types.ts'
import type { Page } from './load/types.ts'
import type { createMarkdown } from './render/markdown.ts'
import type { RenderedPage } from './render/render-page.ts'

export interface BuildCache {
  /** Front matter by file path, with the text it was parsed from. */
  frontMatter: Map<string, { text: string; parsed: ParsedPage }>
  /** Rendered pages by page id, with what they were rendered from and what rendering reported. */
  rendered: Map<string, { text: string; shape: string; page: RenderedPage; diagnostics: Diagnostic[] }>
  /** The Markdown renderer, made once. */
  md: ReturnType<typeof createMarkdown> | null
  /** Ids of the pages the last build rendered (the others came from the cache). */
  lastRendered: string[]
}

export function createBuildCache(): BuildCache {
  return { frontMatter: new Map(), rendered: new Map(), md: null, lastRendered: [] }
}

/**
 * Everything besides a page's own text that its rendering reads: which pages
 * exist, where, with what front matter (Liquid's `site` lists them all), the
 * course title and the base.
 */
export function courseShape(course: Course, pages: readonly Page[], base: string): string {
  return JSON.stringify([base, course.collection, course.title, pages.map((p) => [p.file, p.id, p.path, p.front.data])])
}
