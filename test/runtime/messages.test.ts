/**
 * The runtime's formatter (src/runtime/messages.ts) on messages as the build
 * compiles them from the catalogues: it says what the build's formatter
 * says, in the page's language.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { catalogueFor, english } from '../../src/messages/catalogues.ts'
import { compileMessage, formatMessage } from '../../src/messages/format-message.ts'
import { languageDigits } from '../../src/messages/language-digits.ts'
import type { Message } from '../../src/messages/message-syntax.ts'
import { t } from '../../src/runtime/messages.ts'

/** The page's language, as the runtime reads it, and its digits, as the build puts them in the runtime. */
function onPageIn(lang: string): void {
  const page = globalThis as unknown as { document: unknown; __CM_DIGITS__: unknown }
  page.document = { documentElement: { lang } }
  page.__CM_DIGITS__ = languageDigits(lang)
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
    // Languages whose digits are not ASCII: written by the build's digits, and by Intl past 999.
    ['ar-EG', 'quiz.unanswered', { count: 7 }],
    ['ar-EG', 'quiz.failed', { correct: 12, total: 15 }],
    ['ar-EG', 'record.notYet', { done: 1200, all: 2000 }],
    ['fa', 'quiz.failed', { correct: 4, total: 60 }],
    ['bn', 'quiz.unanswered', { count: 3 }],
  ]
  for (const [lang, key, values] of cases) {
    it(`says ${lang} ${key} ${JSON.stringify(values)} as the build does`, () => {
      // A language with no catalogue is shown in English, its numbers still its own.
      const message = (catalogueFor(lang) ?? english()).messages.get(key) as Message
      onPageIn(lang)
      assert.equal(t(compileMessage(message), values), formatMessage(message, values, lang))
    })
  }

  it('puts a value holding # or braces in as it is', () => {
    onPageIn('en')
    assert.equal(t([['n', { one: '# in {c}', other: '# in {c}' }]], { n: 1, c: 'C# {x}' }), '1 in C# {x}')
  })
})
