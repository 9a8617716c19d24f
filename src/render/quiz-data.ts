/**
 * What a quiz section is rendered from: the statements rendered to HTML
 * here, at build time (the page holds them as hidden radio groups, so the
 * browser never decodes the author's base64, which bare `atob` mangles for
 * non-ASCII text), and the `data-cm-quiz` JSON with the answer keys.
 */
import type { MarkdownIt } from 'markdown-it'
import { error } from '../diagnostics/diagnostic.ts'
import { bankHash } from '../model/quiz-bank.ts'
import type { Quiz, Statement } from '../model/types.ts'
import type { RuntimeAnswerKey, RuntimeQuiz } from '../page-contract.ts'
import { findLeftover } from './find-leftover.ts'
import { inlineHtml } from './inline-html.ts'
import { cleanFragmentHtml } from './legacy-html.ts'
import type { QuizView, RenderEnv } from './render-env.ts'

export function quizView(quiz: Quiz, md: MarkdownIt, env: RenderEnv): QuizView {
  // Statement and explanation in turn, so diagnostics come in the bank's order.
  const rendered = quiz.bank.map((s) => ({
    html: statementHtml(md, s.text, s, env),
    key: { a: s.answer ? 0 : 1, x: s.explanation ? statementHtml(md, s.explanation, s, env) : '' } as RuntimeAnswerKey,
  }))
  const json: RuntimeQuiz = {
    n: quiz.n,
    bank: bankHash(quiz),
    keys: rendered.map((r) => encodeKey(r.key)),
  }
  return {
    json: JSON.stringify(json),
    statements: rendered.map((r) => r.html),
    options: quiz.options,
    explanations: rendered.map((r) => r.key.x),
  }
}

/**
 * A statement's or explanation's inline Markdown as HTML, raw HTML in it
 * cleaned as a page's is (legacy-html.ts): a statement is written into the
 * page, and the runtime inserts an explanation with innerHTML. A `{:`, `{{`
 * or `{%` it would show is reported at the item.
 */
function statementHtml(md: MarkdownIt, text: string, s: Statement, env: RenderEnv): string {
  const rendered = inlineHtml(md, text, env)
  const html = text.includes('<')
    ? cleanFragmentHtml(rendered, { file: s.source.file, isBody: false, find: () => s.source }, env.diagnostics)
    : rendered
  const at = findLeftover(html)
  if (at >= 0) {
    env.leftovers++
    env.diagnostics.push(
      error({
        code: 'quiz/text-left-as-syntax',
        message: `This statement would show \`${html.slice(at, at + 2)}\` as text.`,
        ...s.source,
        hint: 'Write `\\{` for a brace meant as text, or put it in `code`.',
      }),
    )
  }
  return html
}

/** base64 of the key's UTF-8 JSON: keeps answers out of casual sight, secures nothing. */
export function encodeKey(key: RuntimeAnswerKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64')
}
