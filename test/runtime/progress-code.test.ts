import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { CODE_ALPHABET, keyLength } from '../../src/emit/page-keys.ts'
import { codeCourse } from '../../src/runtime/page-key.ts'
import {
  ALPHABET,
  type CodeCourse,
  decodeProgress,
  encodeProgress,
  groupCode,
  normalizeCode,
} from '../../src/runtime/progress-code.ts'

/** The course of these page ids, keyed as the build and the runtime key it. */
function courseOf(ids: string[], id = 'course'): CodeCourse {
  return codeCourse({ course: id, keyLength: keyLength(ids), pages: ids.map((page) => ({ id: page })) })
}

/** A course of `n` pages named p0…. */
function course(n: number, id = 'course'): CodeCourse {
  return courseOf(
    Array.from({ length: n }, (_, i) => `p${i}`),
    id,
  )
}

const decoded = (code: string, c: CodeCourse): string[] => {
  const result = decodeProgress(code, c)
  assert.ok(result.ok, `${code} decodes (${result.ok ? '' : result.problem})`)
  return result.done
}

/** A course and a set of its pages done (any set, not only a run from the start). */
const courseAndDone = fc
  .integer({ min: 1, max: 120 })
  .chain((n) => fc.tuple(fc.constant(course(n)), fc.array(fc.boolean(), { minLength: n, maxLength: n })))
  .map(([c, flags]) => ({ c, done: c.pages.filter((_, i) => flags[i]).map((p) => p.id) }))

/** A course and a run from its start, with a few pages of the run left out and a few after it done. */
const courseAndRun = fc
  .integer({ min: 1, max: 300 })
  .chain((n) =>
    fc.tuple(fc.constant(course(n)), fc.integer({ min: 0, max: n }), fc.array(fc.nat(n - 1), { maxLength: 3 })),
  )
  .map(([c, run, flips]) => {
    const done = new Set(c.pages.slice(0, run).map((p) => p.id))
    for (const i of flips) {
      const id = c.pages[i]!.id
      if (done.has(id)) done.delete(id)
      else done.add(id)
    }
    return { c, done: c.pages.filter((p) => done.has(p.id)).map((p) => p.id) }
  })

describe('progress codes', () => {
  it('use the alphabet the build keys pages with', () => {
    assert.equal(ALPHABET, CODE_ALPHABET)
    assert.equal(new Set(ALPHABET).size, 32)
    for (const c of 'ILOU') assert.ok(!ALPHABET.includes(c), `${c} is never in a code`)
  })

  it('give back exactly the pages done, in course order, for any set of pages', () => {
    fc.assert(
      fc.property(courseAndDone, ({ c, done }) => {
        const code = encodeProgress(done, c)
        assert.match(code, /^[0-9A-HJKMNP-TV-Z]+$/)
        assert.deepEqual(decoded(code, c), done)
        assert.deepEqual(decoded(groupCode(code).toLowerCase(), c), done, 'grouped and in lower case')
      }),
    )
  })

  it('are at most 20 characters for a run from the start, even in a 5,800-page course', () => {
    for (const n of [1, 11, 58, 580, 5800]) {
      const c = course(n)
      for (const run of [0, 1, Math.ceil(n / 2), n]) {
        const code = encodeProgress(
          c.pages.slice(0, run).map((p) => p.id),
          c,
        )
        assert.ok(code.length <= 20, `${n} pages, ${run} done: ${code} is ${code.length} characters`)
      }
    }
  })

  it('make a link under 2,000 characters for a finished 5,800-page course', () => {
    const c = course(5800)
    const code = groupCode(
      encodeProgress(
        c.pages.map((p) => p.id),
        c,
      ),
    )
    const link = `https://training.example.org/volunteers/listening-course/#progress=${code}`
    assert.ok(link.length < 2000, `${link.length} characters`)
  })

  it('refuse every change of one character to another', () => {
    fc.assert(
      fc.property(courseAndRun, fc.nat(), fc.integer({ min: 1, max: 31 }), ({ c, done }, at, shift) => {
        const code = encodeProgress(done, c)
        const i = at % code.length
        const changed = code.slice(0, i) + ALPHABET[(ALPHABET.indexOf(code[i]!) + shift) % 32] + code.slice(i + 1)
        const result = decodeProgress(changed, c)
        assert.equal(result.ok, false, `${code} → ${changed} is refused`)
      }),
      { numRuns: 2000 },
    )
  })

  it('refuse every swap of two neighbouring characters that differ', () => {
    fc.assert(
      fc.property(courseAndRun, fc.nat(), ({ c, done }, at) => {
        const code = encodeProgress(done, c)
        const i = at % (code.length - 1)
        fc.pre(code[i] !== code[i + 1])
        const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2)
        assert.equal(decodeProgress(swapped, c).ok, false, `${code} → ${swapped} is refused`)
      }),
      { numRuns: 2000 },
    )
  })

  it('refuse every change of one character, tried exhaustively on a long code (3 check characters)', () => {
    const c = course(5800)
    // Every other page done: the worst case, 2,900 keys listed.
    const code = encodeProgress(
      c.pages.filter((_, i) => i % 2 === 0).map((p) => p.id),
      c,
    )
    assert.ok(code.length > 964, `${code.length} characters`)
    for (const i of [0, 1, 5, code.length - 4, code.length - 3, code.length - 2, code.length - 1]) {
      for (const d of ALPHABET) {
        if (d === code[i]) continue
        assert.equal(decodeProgress(code.slice(0, i) + d + code.slice(i + 1), c).ok, false, `position ${i} → ${d}`)
      }
      if (code[i] !== code[i + 1] && i + 1 < code.length) {
        const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2)
        assert.equal(decodeProgress(swapped, c).ok, false, `swap at ${i}`)
      }
    }
  })

  it('read look-alikes and ignore spacing, hyphens and a whole pasted link', () => {
    const c = course(20)
    const code = encodeProgress(['p0', 'p1', 'p2'], c)
    const messy = ` ${groupCode(code).toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l')} `
    assert.deepEqual(decoded(messy, c), ['p0', 'p1', 'p2'])
    assert.deepEqual(decoded(`https://example.org/c/#progress=${groupCode(code)}`, c), ['p0', 'p1', 'p2'])
    assert.equal(normalizeCode('ab-cd ef'), 'ABCDEF')
    assert.equal(normalizeCode('io'), '10')
  })

  it('say what is wrong: nothing typed, a stray character, a mistyped code, another course, a later format', () => {
    const c = course(20)
    const code = encodeProgress(['p0'], c)
    const problem = (input: string, target = c) => {
      const r = decodeProgress(input, target)
      return r.ok ? 'ok' : `${r.problem}${r.char ? ` ${r.char}` : ''}`
    }
    assert.equal(problem('  - '), 'empty')
    assert.equal(problem(`${code}!`), 'character !')
    assert.equal(problem(`${code.slice(0, 4)}U${code.slice(5)}`), 'character U')
    assert.equal(problem(code.slice(0, -1)), 'mistyped')
    assert.equal(problem('ABC'), 'mistyped')
    assert.equal(problem(code, course(20, 'another course')), 'other-course')
    // A later format: header 30, made valid by recomputing the checksum through the encoder's own rule.
    const later = withChecksum(`Y${code.slice(1, -2)}`)
    assert.equal(problem(later), 'newer')
  })

  it('keep the pages that still exist when decoded by a newer build of the course', () => {
    const old = course(10)
    const code = encodeProgress(['p0', 'p1', 'p2', 'p3', 'p5'], old)
    // The author deleted p1 and p5, inserted n1 before p2, and moved p9 to the front.
    const newer = courseOf(['p9', 'p0', 'n1', 'p2', 'p3', 'p4', 'p6', 'p7', 'p8'])
    // The run ends at p3: every page before it in the new order counts, as the gate opens them too.
    assert.deepEqual(decoded(code, newer), ['p9', 'p0', 'n1', 'p2', 'p3'])
  })

  it('fall back to the done page before the run’s end when the author deleted the end', () => {
    const old = course(6)
    const code = encodeProgress(['p0', 'p1', 'p2', 'p3'], old)
    const newer = courseOf(['p0', 'p1', 'p2', 'p4', 'p5'])
    assert.deepEqual(decoded(code, newer), ['p0', 'p1', 'p2'])
  })

  it('match keys of another length made by a build with a few more or fewer pages', () => {
    const before = course(60)
    const after = course(70)
    assert.deepEqual([before.pages[0]!.key.length, after.pages[0]!.key.length], [3, 4])
    const done = ['p0', 'p1', 'p2', 'p3', 'p17', 'p40']
    assert.deepEqual(decoded(encodeProgress(done, before), after), done)
    assert.deepEqual(decoded(encodeProgress(done, after), before), done)
  })
})

/** `payload` followed by its checksum, computed as the codec does (Σ i·vᵢ mod 1021, two digits). */
function withChecksum(payload: string): string {
  let sum = 0
  for (const [i, ch] of [...payload].entries()) sum = (sum + (i + 1) * ALPHABET.indexOf(ch)) % 1021
  return payload + ALPHABET[sum >> 5] + ALPHABET[sum & 31]
}
