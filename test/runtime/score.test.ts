import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { scoreAnswers } from '../../src/runtime/score.ts'

describe('scoring', () => {
  it('passes only when every answer is right', () => {
    const all = scoreAnswers([0, 1, 1], [0, 1, 1])
    assert.deepEqual(all, { right: [true, true, true], correct: 3, total: 3, passed: true })
    const some = scoreAnswers([0, 0, null], [0, 1, 1])
    assert.deepEqual(some, { right: [true, false, false], correct: 1, total: 3, passed: false })
    assert.equal(scoreAnswers([], []).passed, false)
  })
})
