import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { readQuiz } from '../../src/runtime/quiz-data.ts'

const key = (a: 0 | 1, x: string) => Buffer.from(JSON.stringify({ a, x }), 'utf8').toString('base64')
const quiz = { n: 2, bank: 'abc123', keys: [key(0, 'Weil es so ist.'), key(1, ''), key(1, 'why')] }

describe('readQuiz', () => {
  it('reads a well-formed quiz and decodes every key', () => {
    const loaded = readQuiz(JSON.stringify(quiz))
    assert.deepEqual(loaded?.quiz, quiz)
    assert.deepEqual(loaded?.answers, [
      { a: 0, x: 'Weil es so ist.' },
      { a: 1, x: '' },
      { a: 1, x: 'why' },
    ])
  })

  const broken: Array<[string, unknown]> = [
    ['no JSON at all', undefined],
    ['n of zero', { ...quiz, n: 0 }],
    ['n not a whole number', { ...quiz, n: 1.5 }],
    ['no bank hash', { ...quiz, bank: 7 }],
    ['no keys', { ...quiz, keys: [] }],
    ['a key that is not a string', { ...quiz, keys: [{ key: key(0, '') }] }],
    ['a key that does not decode', { ...quiz, keys: ['!!'] }],
  ]
  for (const [what, value] of broken) {
    it(`refuses a quiz with ${what}`, () => {
      assert.equal(readQuiz(value === undefined ? '{oops' : JSON.stringify(value)), null)
    })
  }

  it('refuses a missing attribute', () => {
    assert.equal(readQuiz(null), null)
  })
})
