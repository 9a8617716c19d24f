/**
 * `coursemark check`'s warnings, on top of everything `build` reports. Each
 * check is a pure function of the course (its quizzes included) and of what
 * rendering found in its pages; this function is their order.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import type { Page } from '../load/types.ts'
import { checkCourseId } from './check-course-id.ts'
import { checkHeadings } from './check-headings.ts'
import { checkLinks } from './check-links.ts'
import { checkQuizBank } from './check-quiz-bank.ts'
import { checkSerials } from './check-serials.ts'
import type { Course, Quiz } from '../model/types.ts'
import type { FoundHeading, FoundLink } from '../render/types.ts'

/** What rendering found in a page (a `RenderedPage` has all of it). */
export interface PageFindings {
  /** The page. */
  page: Page
  /** Its quiz, as the build decoded it. */
  quiz: Quiz | null
  /** Links and images, in the order they are written. */
  links: FoundLink[]
  /** Headings of the body, in order (the page title is not one). */
  headings: FoundHeading[]
}

export interface CourseCheckInput {
  /** The course as the build assembled it, quizzes decoded; null when the pages make no course. */
  course: Course | null
  /** What each page's rendering found, by page id: every page rendered, course or not. */
  pages: ReadonlyMap<string, PageFindings>
  /** The course's static files (images, downloads), relative to the course root. */
  statics: readonly string[]
  /** Site base path, with leading and trailing slash. */
  base: string
}

/**
 * Every warning about the course, unsorted. A page's own warnings (its
 * bank, links, headings) are found on every rendered page, even when the
 * pages make no course; those about the course's order need the course.
 */
export function checkCourse({ course, pages, statics, base }: CourseCheckInput): Diagnostic[] {
  const files = new Set(statics)
  const pageFiles = new Set([...pages.values()].map((p) => p.page.file))
  const out = course ? [...checkCourseId(course), ...checkSerials(course)] : []
  for (const found of pages.values()) {
    if (found.quiz) out.push(...checkQuizBank(found.quiz))
    out.push(...checkLinks(found.links, { base, files, pages: pageFiles }))
    out.push(...checkHeadings(found.headings))
  }
  return out
}
