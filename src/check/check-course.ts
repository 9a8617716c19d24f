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
  /** Links and images, in the order they are written. */
  links: FoundLink[]
  /** Headings of the body, in order (the page title is not one). */
  headings: FoundHeading[]
}

export interface CourseCheckInput {
  /** The course as the build assembled it, quizzes decoded. */
  course: Course
  /** What each page's rendering found, by page id. */
  pages: ReadonlyMap<string, PageFindings>
  /** Site base path, with leading and trailing slash. */
  base: string
}

/** Every warning about the course, unsorted. */
export function checkCourse({ course, pages, base }: CourseCheckInput): Diagnostic[] {
  const files = new Set(course.statics.map((s) => s.path))
  const pageFiles = new Set([course.index, ...course.sequence.map((p) => p.page)].map((p) => p.file))
  const out = [...checkCourseId(course), ...checkSerials(course)]
  const withQuiz: [Page, Quiz | null][] = [
    [course.index, null],
    ...course.sequence.map((p): [Page, Quiz | null] => [p.page, p.quiz]),
  ]
  for (const [page, quiz] of withQuiz) {
    const found = pages.get(page.id)
    if (!found) continue
    if (quiz) out.push(...checkQuizBank(quiz))
    out.push(...checkLinks(found.links, { base, files, pages: pageFiles }))
    out.push(...checkHeadings(found.headings))
  }
  return out
}
