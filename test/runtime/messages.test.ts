/**
 * The runtime's formatter (src/runtime/messages.ts) on messages as the build
 * compiles them from the catalogues: it says what the build's formatter
 * says, in the page's language.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { catalogueFor } from '../../src/messages/catalogues.ts'
import { compileMessage, formatMessage } from '../../src/messages/format-message.ts'
import type { Message } from '../../src/messages/message-syntax.ts'
import { t } from '../../src/runtime/messages.ts'

/** The page's language, as the runtime reads it. */
function onPageIn(lang: string): void {
  ;(globalThis as unknown as { document: unknown }).document = { documentElement: { lang } }
}

describe('the runtime formatter', () => {
  const cases: [lang: string, key: string, values: Record<string, number | string>][] = [
    ['en', 'quiz.unanswered', { count: 1 }],
    ['en', 'quiz.unanswered', { count: 3 }],
    ['en', 'quiz.failed', { correct: 4, total: 6 }],
    ['pl', 'quiz.unanswered', { count: 22 }],
    ['pl', 'move.addedChapters', { chapters: 5 }],
    ['ar', 'quiz.unanswered', { count: 2 }],
    ['ar', 'quiz.unanswered', { count: 11 }],
    ['ar', 'move.addedBoth', { sections: 3, chapters: 1 }],
    ['he', 'quiz.passed', { total: 2 }],
    ['fr', 'quiz.rightAnswer', { answer: 'Vrai' }],
    ['de', 'record.notYet', { done: 1200, all: 2000 }],
  ]
  for (const [lang, key, values] of cases) {
    it(`says ${lang} ${key} ${JSON.stringify(values)} as the build does`, () => {
      const message = catalogueFor(lang)?.messages.get(key) as Message
      onPageIn(lang)
      assert.equal(t(compileMessage(message), values), formatMessage(message, values, lang))
    })
  }

  it('puts a value holding # or braces in as it is', () => {
    onPageIn('en')
    assert.equal(t([['n', { one: '# in {c}', other: '# in {c}' }]], { n: 1, c: 'C# {x}' }), '1 in C# {x}')
  })
})
