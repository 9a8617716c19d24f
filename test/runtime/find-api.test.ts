/**
 * The standard search for the LMS's API: up the parents, then the opener
 * (an LMS that opens the course in a new window), stopping at a window of
 * another origin and after a bounded number of steps.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { findApi } from '../../src/runtime/lms/find-api.ts'

type FakeWindow = Record<string, unknown> & { parent: FakeWindow; opener: FakeWindow | null }

/** A window whose parent is `parent` (itself when null), holding `props`. */
function win(parent: FakeWindow | null, props: Record<string, unknown> = {}): FakeWindow {
  const w = { ...props, opener: null } as FakeWindow
  w.parent = parent ?? w
  return w
}

const api = { LMSInitialize: () => 'true' }
const find = (w: FakeWindow, name = 'API') => findApi(w as unknown as Window, name)

test('finds the API on this window or any parent, the nearest first', () => {
  const top = win(null, { API: { top: true } })
  const player = win(top, { API: api })
  assert.equal(find(win(win(player))), api)
  assert.equal(find(player), api)
  assert.deepEqual(find(win(top)), { top: true })
})

test('looks only for the name asked for: 2004 packages want API_1484_11', () => {
  const top = win(null, { API: api })
  assert.equal(find(win(top), 'API_1484_11'), null)
})

test('finds the API on the opener when the course was opened in a new window', () => {
  const opener = win(win(null, { API: api }))
  const popup = win(null)
  popup.opener = opener
  assert.equal(find(popup), api)
})

test('stops at a parent of another origin, whose properties throw', () => {
  const foreign = new Proxy(win(null, { API: api }), {
    get: (target, key) => {
      if (key === 'parent') return target.parent
      throw new Error('SecurityError: cross-origin')
    },
  }) as FakeWindow
  assert.equal(find(win(foreign)), null)
})

test('gives up after ten windows rather than loop on a broken chain', () => {
  let w = win(null, { API: api })
  for (let i = 0; i < 12; i++) w = win(w)
  assert.equal(find(w), null)
})
