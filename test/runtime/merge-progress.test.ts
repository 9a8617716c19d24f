import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { mergeProgress } from '../../src/runtime/merge-progress.ts'
import { freshState, recordDone } from '../../src/runtime/progress-state.ts'

const AT = '2025-06-01T12:00:00.000Z'
const ids = fc.array(fc.constantFrom('c1', 's1', 's2', 's3', 'c2', 's4', 's5', '__proto__', 'constructor'), {
  maxLength: 12,
})

describe('mergeProgress', () => {
  it('is the union of both sides: never loses a page, adds each missing one once, and says which', () => {
    fc.assert(
      fc.property(ids, ids, (mine, theirs) => {
        const state = freshState('seed')
        for (const id of mine) recordDone(state, id, 1, '2025-01-01T00:00:00.000Z')
        const before = [...state.done]
        const added = mergeProgress(state, theirs, AT)
        assert.deepEqual(state.done.slice(0, before.length), before, 'what was done stays, in its order')
        assert.deepEqual(new Set(state.done), new Set([...mine, ...theirs]))
        assert.equal(new Set(state.done).size, state.done.length, 'no page twice')
        assert.deepEqual(added, state.done.slice(before.length))
        for (const id of added) assert.deepEqual(state.passed[id], { at: AT, attempts: 0, from: 'moved' })
        for (const id of before) assert.equal(state.passed[id]?.from, 'here', 'pages done here keep their record')
      }),
    )
  })

  it('changes nothing when the other side has nothing new', () => {
    const state = freshState('seed')
    recordDone(state, 's1', 2, AT)
    const copy = JSON.stringify(state)
    assert.deepEqual(mergeProgress(state, ['s1'], AT), [])
    assert.equal(JSON.stringify(state), copy)
  })
})
