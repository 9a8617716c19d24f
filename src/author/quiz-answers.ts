/**
 * The two answers of a quiz without `data-opt`, for `quiz decode` and
 * `quiz encode`, which read one page, not the course: True and False in
 * English, the language's words otherwise (Vrai and Faux), as the build
 * would take them. The page's own `lang` wins; else the course index's,
 * whose `ui:` may rename them (quiz.true, quiz.false).
 */
import { parseFrontMatter } from '../load/front-matter.ts'
import type { SourceFile } from '../load/types.ts'
import { builtInMessages } from '../messages/course-messages.ts'
import { readOverrides } from '../messages/read-overrides.ts'
import { defaultAnswers } from '../render/parse-page.ts'

/** The answers on `page`, a page of the course whose index is `index` (null when it cannot be found). */
export function quizAnswers(page: SourceFile, index: SourceFile | null): [string, string] {
  const own = parseFrontMatter(page).page
  const home = index ? parseFrontMatter(index).page : null
  const courseIndex = home?.front.kind === 'index' ? home : null
  const courseLang = courseIndex?.front.lang ?? 'en'
  const lang = own?.front.lang ?? courseLang
  const primary = (tag: string) => tag.split('-')[0]!.toLowerCase()
  // The index's overrides are for its language (course-messages.ts); a bad one is build's and check's to report.
  const overrides =
    courseIndex && primary(lang) === primary(courseLang) ? readOverrides(courseIndex).messages : new Map()
  return defaultAnswers(builtInMessages(lang, overrides))
}
