/**
 * The course once its pages are parsed: the outline with each chapter's and
 * section's quiz, as the parse stage decoded it. A new course is made; the
 * outline is left as it was.
 */
import type { Course, CourseOutline, PageQuiz } from './types.ts'

const NONE: PageQuiz = { quiz: null, noQuiz: false }

/** The course of `outline` with `quizzes` (by page id; a page not in it has none). */
export function courseWithQuizzes(outline: CourseOutline, quizzes: ReadonlyMap<string, PageQuiz>): Course {
  const sequence = outline.sequence.map((entry) => {
    const { quiz, noQuiz } = quizzes.get(entry.page.id) ?? NONE
    return { ...entry, quiz, noQuiz }
  })
  return { ...outline, sequence }
}
