import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { drawStatements, hashString, MAX_ATTEMPT } from '../../src/runtime/seeded-draw.ts'

const seed = fc.string({ minLength: 1, maxLength: 16 })
const pageId = fc.string({ minLength: 1, maxLength: 12 })
const attempt = fc.nat({ max: 30 })
const bank = fc.integer({ min: 0, max: 40 })
const asked = fc.integer({ min: 0, max: 50 })

describe('drawStatements', () => {
  it('draws the same statements for the same seed, page and attempt', () => {
    fc.assert(
      fc.property(seed, pageId, attempt, bank, asked, (s, p, a, size, n) => {
        assert.deepEqual(drawStatements(s, p, a, size, n), drawStatements(s, p, a, size, n))
      }),
    )
  })

  it('draws min(n, bank) distinct positions of the bank, never repeating one', () => {
    fc.assert(
      fc.property(seed, pageId, attempt, bank, asked, (s, p, a, size, n) => {
        const drawn = drawStatements(s, p, a, size, n)
        assert.equal(drawn.length, Math.min(n, size))
        assert.equal(new Set(drawn).size, drawn.length)
        for (const i of drawn) assert.ok(Number.isInteger(i) && i >= 0 && i < size, `position ${i} of ${size}`)
      }),
    )
  })

  it('returns the whole bank when n is larger than it, instead of looping for more', () => {
    const drawn = drawStatements('seed', 'listen02', 0, 5, 6)
    assert.deepEqual([...drawn].sort(), [0, 1, 2, 3, 4])
    assert.deepEqual(drawStatements('seed', 'listen02', 3, 3, 1000).length, 3)
  })

  it('draws nothing for an empty bank or n of zero, and reads a nonsense n or attempt as zero', () => {
    assert.deepEqual(drawStatements('seed', 'p', 0, 0, 6), [])
    assert.deepEqual(drawStatements('seed', 'p', 0, 12, 0), [])
    assert.deepEqual(drawStatements('seed', 'p', 0, 12, Number.NaN), [])
    assert.deepEqual(drawStatements('seed', 'p', -4, 12, 6), drawStatements('seed', 'p', 0, 12, 6))
  })

  it('on a retry shows only statements the previous attempt did not, when the bank has enough', () => {
    fc.assert(
      fc.property(seed, pageId, attempt, fc.integer({ min: 1, max: 10 }), fc.nat({ max: 10 }), (s, p, a, n, extra) => {
        const size = 2 * n + extra
        const before = new Set(drawStatements(s, p, a, size, n))
        const after = drawStatements(s, p, a + 1, size, n)
        assert.deepEqual(
          after.filter((i) => before.has(i)),
          [],
        )
      }),
    )
  })

  it('on a retry from a small bank shows every statement the previous attempt left out', () => {
    fc.assert(
      fc.property(
        seed,
        pageId,
        attempt,
        fc.integer({ min: 2, max: 12 }),
        fc.integer({ min: 1, max: 11 }),
        (s, p, a, n, short) => {
          const size = Math.max(n, 2 * n - short)
          const before = new Set(drawStatements(s, p, a, size, n))
          const after = new Set(drawStatements(s, p, a + 1, size, n))
          for (let i = 0; i < size; i++) if (!before.has(i)) assert.ok(after.has(i), `unseen ${i} was not drawn`)
        },
      ),
    )
  })

  it('changes the draw from one attempt to the next, and between learners', () => {
    const attempts = new Set<string>()
    for (let a = 0; a < 10; a++) attempts.add(drawStatements('learner', 'listen02', a, 12, 6).join())
    assert.ok(attempts.size >= 5, `only ${attempts.size} distinct draws in 10 attempts`)
    const learners = new Set<string>()
    for (let l = 0; l < 20; l++) learners.add(drawStatements(`learner${l}`, 'listen02', 0, 12, 6).join())
    assert.ok(learners.size >= 15, `only ${learners.size} distinct draws for 20 learners`)
  })

  it('draws every statement of a bank for some learner, and each about as often', () => {
    const counts = new Array<number>(12).fill(0)
    for (let l = 0; l < 600; l++)
      for (const i of drawStatements(`l${l}`, 'p', 0, 12, 6)) counts[i] = (counts[i] ?? 0) + 1
    // 600 draws of 6 from 12: each position expects 300; a fair shuffle stays far inside 200..400.
    for (const [i, c] of counts.entries()) assert.ok(c > 200 && c < 400, `position ${i} drawn ${c} times`)
  })

  it('treats an attempt past the cap as the cap, so a corrupt counter stays cheap', () => {
    assert.deepEqual(drawStatements('s', 'p', MAX_ATTEMPT + 50, 12, 6), drawStatements('s', 'p', MAX_ATTEMPT, 12, 6))
  })
})

describe('hashString', () => {
  it('is a 32-bit unsigned integer that differs for nearby strings', () => {
    const seen = new Set<number>()
    for (let i = 0; i < 1000; i++) {
      const h = hashString(`seed\u0000page\u0000${i}`)
      assert.ok(Number.isInteger(h) && h >= 0 && h < 2 ** 32)
      seen.add(h)
    }
    assert.equal(seen.size, 1000)
  })
})
