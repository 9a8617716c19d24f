import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { scoreAnswers, summaryText, unansweredText } from '../../src/runtime/score.ts'

describe('scoring', () => {
  it('passes only when every answer is right', () => {
    const all = scoreAnswers([0, 1, 1], [0, 1, 1])
    assert.deepEqual(all, { right: [true, true, true], correct: 3, total: 3, passed: true })
    const some = scoreAnswers([0, 0, null], [0, 1, 1])
    assert.deepEqual(some, { right: [true, false, false], correct: 1, total: 3, passed: false })
    assert.equal(scoreAnswers([], []).passed, false)
  })

  it('sums the result up in words', () => {
    assert.match(summaryText(scoreAnswers([0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0])), /^All 6 correct\./)
    assert.match(summaryText(scoreAnswers([0, 0, 0, 0, 1, 1], [0, 0, 0, 0, 0, 0])), /^4 of 6 correct\./)
  })

  it('says how many statements are left', () => {
    assert.equal(unansweredText(1), '1 statement is not answered yet.')
    assert.equal(unansweredText(3), '3 statements are not answered yet.')
  })
})
