/**
 * Parses one page's body: its Liquid (when the course uses any), then the
 * Markdown with coursemark's rules (markdown.ts), which find the quiz
 * paragraph and bank; the bank is decoded here, by model/quiz-bank.ts, so
 * the course has every quiz before anything is rendered.
 */
import type { MarkdownIt, Token } from 'markdown-it'
import { error, type Diagnostic } from '../diagnostics/diagnostic.ts'
import { groupedDigits } from '../diagnostics/number-text.ts'
import type { Page } from '../load/types.ts'
import type { Messages } from '../messages/course-messages.ts'
import { messageText } from '../messages/format-message.ts'
import { readQuiz } from '../model/quiz-bank.ts'
import type { PageQuiz } from '../model/types.ts'
import { hasLiquid, liquidLineMap, renderLiquid } from './liquid.ts'
import { type CourseLookup, createRenderEnv, type RenderEnv } from './render-env.ts'

/** A page's body as markdown-it parsed it, ready to render. */
export interface ParsedPage {
  page: Page
  /** The tokens, every core rule applied. */
  tokens: Token[]
  /** What the rules recorded while parsing: links, headings, the quiz found. */
  env: RenderEnv
  /** The page's quiz, decoded. */
  quiz: PageQuiz
}

const NO_QUIZ: PageQuiz = { quiz: null, noQuiz: false }

/**
 * Parses `page`, reporting into `diagnostics`. `site` is Liquid's `site`
 * variable (null when no page of the course uses Liquid); `ui` the messages
 * of the page's language (a quiz without `data-opt` answers in them).
 * Returns null when the page cannot be parsed at all (a Liquid error).
 */
export function parsePage(
  md: MarkdownIt,
  page: Page,
  course: CourseLookup,
  site: Record<string, unknown> | null,
  diagnostics: Diagnostic[],
  ui: Messages,
): ParsedPage | null {
  let body = page.body
  let line = (mdLine: number) => page.bodyLine + mdLine
  if (site && hasLiquid(body)) {
    const out = renderLiquid(page, site, course.base, diagnostics)
    if (out === null) return null
    line = liquidLineMap(page.body, out, page.bodyLine)
    body = out
  }
  if (tooManyCells(body, page, line, diagnostics)) return null
  const env = createRenderEnv(page, course, line, diagnostics, ui)
  const tokens = md.parse(body, env)
  const quiz = env.quiz ? readQuiz(env.quiz.decl, env.quiz.items, diagnostics, defaultAnswers(ui)) : NO_QUIZ
  return { page, tokens, env, quiz }
}

/** The two answers of a quiz without `data-opt`, in the page's language: True and False, Vrai and Faux. */
export function defaultAnswers(ui: Messages): [string, string] {
  return [messageText(ui, 'quiz.true'), messageText(ui, 'quiz.false')]
}

/**
 * The most `|` a page may hold. A table cell costs about a kilobyte of
 * memory to parse, so tables of millions of cells (a 2 MB page of `|c|c|`)
 * would take gigabytes; 100,000 cells take about 100 MB.
 */
export const MAX_TABLE_BARS = 100_000

/** Reports, at the first one, a page with more `|` than MAX_TABLE_BARS; true when it has. */
function tooManyCells(body: string, page: Page, line: (mdLine: number) => number, diagnostics: Diagnostic[]): boolean {
  let bars = 0
  for (let at = body.indexOf('|'); at >= 0 && bars <= MAX_TABLE_BARS; at = body.indexOf('|', at + 1)) bars++
  if (bars <= MAX_TABLE_BARS) return false
  const first = body.indexOf('|')
  const before = body.slice(0, first)
  diagnostics.push(
    error({
      code: 'page/too-many-cells',
      message: `This page holds more than ${groupedDigits(MAX_TABLE_BARS)} \`|\`: its tables are too large to build.`,
      file: page.file,
      line: line(before.split('\n').length - 1),
      column: first - before.lastIndexOf('\n'),
      hint: 'Split the tables over several pages, or link to a file (a spreadsheet, a PDF) instead.',
    }),
  )
  return true
}
