import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { legacyStorageKey, openBrowserHome, type StorageAccess, storageKey } from '../../src/runtime/browser-home.ts'
import { parseProgress, recordDone } from '../../src/runtime/progress-state.ts'
import { openProgressStore } from '../../src/runtime/progress-store.ts'
import { FakeStorage } from './fake-storage.ts'

const KEY = storageKey('sample')

/** Storage access over two fakes; `blocked` makes touching the storage itself throw. */
function access(
  local: FakeStorage,
  session: FakeStorage,
  blocked: { local?: boolean; session?: boolean } = {},
): StorageAccess {
  return {
    local: () => {
      if (blocked.local) throw new DOMException('Access is denied for this document.', 'SecurityError')
      return local
    },
    session: () => {
      if (blocked.session) throw new DOMException('Access is denied for this document.', 'SecurityError')
      return session
    },
  }
}

let seeds = 0
const newSeed = () => `seed${++seeds}`

/** The progress store of course `sample`, kept in the browser home over `storages`. */
const open = (storages: StorageAccess) => openProgressStore(openBrowserHome('sample', storages), newSeed)

describe('openProgressStore', () => {
  it('uses the versioned key per course', () => {
    assert.equal(storageKey('listen'), 'coursemark:listen:v2')
    assert.equal(legacyStorageKey('listen'), 'coursemark:listen:v1')
  })

  it('starts a new learner with a seed and writes it at once', () => {
    const local = new FakeStorage()
    const store = open(access(local, new FakeStorage()))
    assert.equal(store.kind, 'local')
    assert.equal(store.unreadable, false)
    assert.deepEqual(store.state.done, [])
    assert.match(store.state.seed, /^seed\d+$/)
    assert.deepEqual(parseProgress(local.peek(KEY) ?? ''), store.state)
  })

  it('keeps progress from one open to the next', () => {
    const local = new FakeStorage()
    const first = open(access(local, new FakeStorage()))
    first.update((s) => {
      s.done.push('s1')
      s.attempts.s2 = { bank: 'b', n: 3 }
    })
    const second = open(access(local, new FakeStorage()))
    assert.deepEqual(second.state.done, ['s1'])
    assert.deepEqual(second.state.attempts.s2, { bank: 'b', n: 3 })
    assert.equal(second.state.seed, first.state.seed)
  })

  for (const garbage of [
    'not json',
    'null',
    '[]',
    '{"v":3,"seed":"x","done":[],"attempts":{}}',
    '{"v":1,"seed":"","done":[],"attempts":{}}',
    '{"v":1,"seed":"x","done":"s1","attempts":{}}',
  ]) {
    it(`survives unreadable stored progress ${JSON.stringify(garbage)}, starting afresh and saying so`, () => {
      const local = new FakeStorage()
      local.setItem(KEY, garbage)
      const store = open(access(local, new FakeStorage()))
      assert.equal(store.unreadable, true)
      assert.equal(store.kind, 'local')
      assert.deepEqual(store.state.done, [])
      store.update((s) => s.done.push('c1'))
      assert.deepEqual(parseProgress(local.peek(KEY) ?? '')?.done, ['c1'])
    })
  }

  it('drops the local copy when progress moves to session storage, so the head gate cannot believe it (#13)', () => {
    const local = new FakeStorage()
    local.setItem(KEY, JSON.stringify({ v: 2, seed: 'abc', done: ['c1', 's1'], attempts: {}, passed: {} }))
    local.full = true
    const session = new FakeStorage()
    const store = open(access(local, session))
    assert.equal(store.kind, 'session')
    assert.equal(local.peek(KEY), null, 'the stale local copy is gone')
    store.reset()
    assert.deepEqual(parseProgress(session.peek(KEY) ?? '')?.done, [])
    assert.equal(local.peek(KEY), null, 'a reset leaves nothing in local storage that says s1 is done')
  })

  it('falls back to session storage when local storage refuses writes, keeping what it could read', () => {
    const local = new FakeStorage()
    local.setItem(KEY, JSON.stringify({ v: 2, seed: 'abc', done: ['c1'], attempts: {}, passed: {} }))
    local.blockWrites = true
    const session = new FakeStorage()
    const store = open(access(local, session))
    assert.equal(store.kind, 'session')
    assert.deepEqual(store.state.done, ['c1'])
    store.update((s) => s.done.push('s1'))
    assert.deepEqual(parseProgress(session.peek(KEY) ?? '')?.done, ['c1', 's1'])

    // The next page of the visit picks the newer session copy up,
    const next = open(access(local, session))
    assert.deepEqual(next.state.done, ['c1', 's1'])
    // and once local storage works again the progress moves back there.
    local.blockWrites = false
    const later = open(access(local, session))
    assert.equal(later.kind, 'local')
    assert.deepEqual(parseProgress(local.peek(KEY) ?? '')?.done, ['c1', 's1'])
    assert.equal(session.peek(KEY), null)
  })

  it('keeps progress in memory when every storage throws, and still records it', () => {
    const local = new FakeStorage()
    const session = new FakeStorage()
    local.blockReads = local.blockWrites = session.blockReads = session.blockWrites = true
    const store = open(access(local, session))
    assert.equal(store.kind, 'memory')
    store.update((s) => s.done.push('s1'))
    assert.deepEqual(store.state.done, ['s1'])
  })

  it('keeps progress in memory when even touching storage throws', () => {
    const store = open(access(new FakeStorage(), new FakeStorage(), { local: true, session: true }))
    assert.equal(store.kind, 'memory')
    store.update((s) => s.done.push('s1'))
    assert.deepEqual(store.state.done, ['s1'])
  })

  it('notices a write that fails later (storage filled up) and carries on in session storage', () => {
    const local = new FakeStorage()
    const session = new FakeStorage()
    const store = open(access(local, session))
    local.blockWrites = true
    store.update((s) => s.done.push('s1'))
    assert.equal(store.failed, true)
    assert.equal(store.kind, 'session')
    assert.deepEqual(parseProgress(session.peek(KEY) ?? '')?.done, ['s1'])
  })

  it('re-reads before each change, so another tab’s progress is not overwritten', () => {
    const local = new FakeStorage()
    const session = new FakeStorage()
    const tabA = open(access(local, session))
    const tabB = open(access(local, session))
    tabA.update((s) => s.done.push('s1'))
    tabB.update((s) => s.done.push('s2'))
    assert.deepEqual(parseProgress(local.peek(KEY) ?? '')?.done, ['s1', 's2'])
  })

  it('resets to no progress and a new seed', () => {
    const local = new FakeStorage()
    const store = open(access(local, new FakeStorage()))
    const seed = store.state.seed
    store.update((s) => {
      s.done.push('s1')
      s.attempts.s1 = { bank: 'b', n: 1 }
    })
    store.reset()
    const stored = parseProgress(local.peek(KEY) ?? '')
    assert.deepEqual(stored?.done, [])
    assert.deepEqual(Object.keys(stored?.attempts ?? {}), [])
    assert.notEqual(stored?.seed, seed)
  })
})

describe('progress format 2', () => {
  it('reads format 1 progress from the old key, moves it to the new one and removes the old', () => {
    const local = new FakeStorage()
    const v1 = legacyStorageKey('sample')
    local.setItem(v1, JSON.stringify({ v: 1, seed: 'abc', done: ['c1', 's1'], attempts: { s2: { bank: 'b', n: 1 } } }))
    const store = open(access(local, new FakeStorage()))
    assert.equal(store.unreadable, false)
    assert.deepEqual(store.state.done, ['c1', 's1'])
    assert.deepEqual(store.state.attempts.s2, { bank: 'b', n: 1 })
    assert.equal(store.state.seed, 'abc')
    assert.equal(parseProgress(local.peek(KEY) ?? '')?.v, 2)
    assert.equal(local.peek(v1), null)
  })

  it('prefers format 2 when both keys are there (a tab of an older build wrote the old one)', () => {
    const local = new FakeStorage()
    local.setItem(legacyStorageKey('sample'), JSON.stringify({ v: 1, seed: 'old', done: ['c1'], attempts: {} }))
    local.setItem(KEY, JSON.stringify({ v: 2, seed: 'new', done: ['c1', 's1'], attempts: {}, passed: {} }))
    const store = open(access(local, new FakeStorage()))
    assert.equal(store.state.seed, 'new')
    assert.deepEqual(store.state.done, ['c1', 's1'])
  })

  it('keeps when each page was done and in how many attempts, once', () => {
    const local = new FakeStorage()
    const store = open(access(local, new FakeStorage()))
    store.update((s) => recordDone(s, 's1', 2, '2025-03-04T10:00:00.000Z'))
    store.update((s) => recordDone(s, 's1', 5, '2025-03-05T10:00:00.000Z'))
    const stored = parseProgress(local.peek(KEY) ?? '')
    assert.deepEqual(stored?.done, ['s1'])
    assert.deepEqual({ ...stored?.passed }, { s1: { at: '2025-03-04T10:00:00.000Z', attempts: 2, from: 'here' } })
  })

  it('tells listeners after every change, until they stop listening', () => {
    const store = open(access(new FakeStorage(), new FakeStorage()))
    const seen: string[][] = []
    const stop = store.onChange((s) => seen.push([...s.done]))
    store.update((s) => recordDone(s, 'c1', 0, '2025-03-04T10:00:00.000Z'))
    store.reset()
    stop()
    store.update((s) => recordDone(s, 's1', 1, '2025-03-04T10:00:00.000Z'))
    assert.deepEqual(seen, [['c1'], []])
  })
})

describe('parseProgress', () => {
  it('drops pass records that are wrong in themselves or for pages not done', () => {
    const state = parseProgress(
      JSON.stringify({
        v: 2,
        seed: 'abc',
        done: ['s1', 's2', 's3', 's4'],
        attempts: {},
        passed: {
          s1: { at: '2025-01-02T03:04:05.000Z', attempts: 1, from: 'here' },
          s2: { at: 20250102, attempts: 1 },
          s3: { at: '2025-01-02T03:04:05.000Z', attempts: -1 },
          s4: { at: '2025-01-02T03:04:05.000Z', attempts: 0, from: 'moved' },
          s9: { at: '2025-01-02T03:04:05.000Z', attempts: 1 },
        },
      }),
    )
    assert.deepEqual(Object.keys(state?.passed ?? {}), ['s1', 's4'])
    assert.equal(state?.passed.s4?.from, 'moved')
  })

  it('drops entries that are wrong in themselves and keeps the rest', () => {
    const state = parseProgress(
      JSON.stringify({
        v: 1,
        seed: 'abc',
        done: ['s1', 7, null, 's1', 's2'],
        attempts: {
          s1: { bank: 'b', n: 2 },
          s2: { bank: 'b', n: -1 },
          s3: { bank: 4, n: 1 },
          s4: 'x',
          s5: { bank: 'b', n: 1.5 },
        },
      }),
    )
    assert.deepEqual(state?.done, ['s1', 's2'])
    assert.deepEqual({ ...state?.attempts }, { s1: { bank: 'b', n: 2 } })
  })

  it('keeps a page id such as __proto__ as data, not as a prototype', () => {
    const state = parseProgress('{"v":1,"seed":"abc","done":[],"attempts":{"__proto__":{"bank":"b","n":1}}}')
    assert.deepEqual(Object.getOwnPropertyDescriptor(state?.attempts, '__proto__')?.value, { bank: 'b', n: 1 })
    assert.equal(Object.getPrototypeOf(state?.attempts), null)
  })
})
