/**
 * The per-page state that markdown-it rules share through `env`: where the
 * page came from, how to report, and what the rules found.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import type { Messages } from '../messages/course-messages.ts'
import type { RawBankItem, QuizDeclaration } from '../model/quiz-bank.ts'
import type { FoundHeading, FoundLink, SiteOptions } from './types.ts'
import type { Page } from '../load/types.ts'

export type { FoundHeading, FoundLink } from './types.ts'

/** What the quiz section is rendered from: its `data-cm-quiz` JSON and the bank as HTML. */
export interface QuizView {
  /** The `data-cm-quiz` JSON (a `RuntimeQuiz`). */
  json: string
  /** Each bank statement rendered to HTML, in bank order. */
  statements: string[]
  /** The two answer labels, as text. */
  options: [string, string]
  /** Each explanation rendered to HTML (`''` for none), in bank order: the runtime shows them once a quiz is scored. */
  explanations: string[]
}

/** What the quiz rule found: the declaration and its raw bank. */
export interface FoundQuiz {
  decl: QuizDeclaration
  /** The bank items in source order; null when no list follows the paragraph. */
  items: RawBankItem[] | null
}

/** Lookups the rules need about the course as a whole. */
export interface CourseLookup {
  /** Site base path, with leading and trailing slash: absolute links under it are the course's own. */
  base: string
  /** How the built pages write URLs (site-urls.ts). */
  urls: SiteOptions['urls']
  /** The site is an LMS package, whose pages are shown in the launch page's frame. */
  lms: boolean
  /** Page id for a source file path (`intro.md` → `intro`). */
  pageByFile: ReadonlyMap<string, Page>
  /** Page for a serial. */
  pageBySerial: ReadonlyMap<number, Page>
  /** Page for a URL path as the author may write it (`/base/intro`, `/base/intro/`, `/base/intro.html`). */
  pageByUrl: ReadonlyMap<string, Page>
}

export interface RenderEnv {
  /** markdown-it's env is an open record. */
  [key: string | symbol]: unknown
  /** Source file, relative to the course root. */
  file: string
  page: Page
  course: CourseLookup
  /** The interface's messages in the page's language: the quiz's heading, hearts' text alternative. */
  ui: Messages
  /** Maps a 0-based line of the Markdown being rendered to a 1-based line of the source file. */
  line: (mdLine: number) => number
  diagnostics: Diagnostic[]
  /** Auto heading ids used so far on this page, for kramdown's `-1`, `-2` suffixes. */
  headingIds: Map<string, number>
  headings: FoundHeading[]
  links: FoundLink[]
  /** Set by the quiz rule when the page has a `data-n` paragraph. */
  quiz: FoundQuiz | null
  /** The quiz as the renderer writes it, set between parse and render. */
  quizView: QuizView | null
  /** How many reports explain syntax the page would show as text (rules/leftovers.ts, rules/html-block-end.ts). */
  leftovers: number
}

/** A page's env before any rule has run: nothing found yet. */
export function createRenderEnv(
  page: Page,
  course: CourseLookup,
  line: (mdLine: number) => number,
  diagnostics: Diagnostic[],
  ui: Messages,
): RenderEnv {
  return {
    file: page.file,
    page,
    course,
    ui,
    line,
    diagnostics,
    headingIds: new Map(),
    headings: [],
    links: [],
    quiz: null,
    quizView: null,
    leftovers: 0,
  }
}
