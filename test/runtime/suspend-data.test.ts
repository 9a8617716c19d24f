/**
 * Suspend data, the learner's progress as an LMS keeps it: it reads back as
 * written, is URL-safe ASCII, refuses another course's or a damaged one, and
 * stays far within SCORM 1.2's 4,096 characters for a course of 5,800 pages
 * at every point of a learner's way through it.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { keyLength } from '../../src/emit/page-keys.ts'
import { decodeSuspendData, encodeSuspendData } from '../../src/runtime/lms/suspend-data.ts'
import { codeCourse } from '../../src/runtime/page-key.ts'
import type { CodeCourse } from '../../src/runtime/progress-code.ts'
import { freshState, type ProgressState } from '../../src/runtime/progress-state.ts'

/** The course of `n` pages as a package's pages see it: its tag and each page's key, as the build sizes them. */
function courseOf(n: number, course = 'listen'): CodeCourse {
  const pages = Array.from({ length: n }, (_, i) => ({
    id: `listen${String(i).padStart(2, '0')}-${Math.floor(i / 58)}`,
  }))
  return codeCourse({ course, keyLength: keyLength(pages.map((p) => p.id)), pages })
}

/** The first `k` pages done, an attempt on the next (and a stale one on a done page). */
function progressAt(m: CodeCourse, k: number): ProgressState {
  const state = freshState('9f2c0a1b3d4e5f60')
  state.done = m.pages.slice(0, k).map((p) => p.id)
  const next = m.pages[k]
  if (next) state.attempts[next.id] = { bank: '1y2p0ij32e8e7', n: 3 }
  if (k > 0) state.attempts[m.pages[0]!.id] = { bank: 'abc', n: 1 }
  return state
}

test('suspend data reads back as the pages done, the seed and the attempts of pages not done', () => {
  const m = courseOf(59)
  const state = progressAt(m, 12)
  state.done.push(m.pages[20]!.id)
  const data = encodeSuspendData(state, m)
  assert.match(data, /^c1\.9f2c0a1b3d4e5f60\.[0-9A-Z]+\.[0-9A-Z]+-1y2p0ij32e8e7-3$/)
  const back = decodeSuspendData(data, m)
  assert.ok(back)
  assert.equal(back.seed, state.seed)
  assert.deepEqual(back.done, state.done)
  assert.deepEqual({ ...back.attempts }, { [m.pages[12]!.id]: { bank: '1y2p0ij32e8e7', n: 3 } })
})

test('a first visit with nothing done still keeps the seed', () => {
  const m = courseOf(59)
  const back = decodeSuspendData(encodeSuspendData(freshState('00ff00ff00ff00ff'), m), m)
  assert.equal(back?.seed, '00ff00ff00ff00ff')
  assert.deepEqual(back?.done, [])
})

test('suspend data of another course, another format or damaged is not read', () => {
  const m = courseOf(59)
  const data = encodeSuspendData(progressAt(m, 30), m)
  assert.equal(decodeSuspendData(data, courseOf(59, 'another')), null)
  assert.equal(decodeSuspendData(data.replace(/^c1/, 'c2'), m), null)
  assert.equal(decodeSuspendData(data.slice(0, -20), m), null)
  assert.equal(decodeSuspendData('{"v":2}', m), null)
  assert.equal(decodeSuspendData('', m), null)
})

test('pages the course no longer has are dropped, and the rest kept', () => {
  const m = courseOf(59)
  const data = encodeSuspendData(progressAt(m, 10), m)
  const edited = { ...m, pages: m.pages.filter((_, i) => i !== 3) }
  assert.deepEqual(
    decodeSuspendData(data, edited)?.done,
    edited.pages.slice(0, 9).map((p) => p.id),
  )
})

test('for a 5,800-page course, suspend data stays URL-safe ASCII within 4,096 characters all the way through', () => {
  const m = courseOf(5800)
  let longest = ''
  for (let k = 0; k <= m.pages.length; k += 1 + (k % 97)) {
    const data = encodeSuspendData(progressAt(m, k), m)
    if (data.length > longest.length) longest = data
    assert.match(data, /^[A-Za-z0-9._-]+$/)
  }
  const finished = encodeSuspendData(progressAt(m, m.pages.length), m)
  assert.ok(longest.length <= 4096 && finished.length <= 4096, `${longest.length} characters`)
  assert.equal(decodeSuspendData(finished, m)?.done.length, 5800)
})
