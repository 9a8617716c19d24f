/**
 * The `data-cm-quiz` JSON a quiz section hands to the runtime: statements
 * rendered to HTML here, at build time, so the browser never decodes the
 * author's base64 (bare `atob` mangles non-ASCII text).
 */
import type { MarkdownIt } from 'markdown-it'
import { bankHash } from '../model/quiz-bank.ts'
import type { Quiz } from '../model/types.ts'
import type { RuntimeAnswerKey, RuntimeQuiz } from '../page-contract.ts'
import { inlineHtml } from './inline-html.ts'
import type { RenderEnv } from './render-env.ts'

export function runtimeQuiz(quiz: Quiz, md: MarkdownIt, env: RenderEnv): RuntimeQuiz {
  return {
    n: quiz.n,
    options: quiz.options,
    bank: bankHash(quiz),
    items: quiz.bank.map((s) => {
      const key: RuntimeAnswerKey = { a: s.answer ? 0 : 1, x: s.explanation ? inlineHtml(md, s.explanation, env) : '' }
      return { id: s.id, html: inlineHtml(md, s.text, env), key: encodeKey(key) }
    }),
  }
}

/** base64 of the key's UTF-8 JSON: keeps answers out of casual sight, secures nothing. */
export function encodeKey(key: RuntimeAnswerKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64')
}
