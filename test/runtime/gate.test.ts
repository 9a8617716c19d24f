import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { RuntimePage } from '../../src/page-contract.ts'
import { canOpen, furthestUnlocked, isComplete, redirectFor } from '../../src/runtime/gate.ts'

const page = (id: string, kind: 'c' | 's' = 's'): RuntimePage => ({ id, url: `/base/${id}/`, kind })
const pages = [page('c1', 'c'), page('s1'), page('s2'), page('c2', 'c'), page('s3')]

describe('the gate', () => {
  it('opens only the first page when nothing is done', () => {
    assert.equal(furthestUnlocked(pages, []), 0)
    assert.equal(canOpen(0, furthestUnlocked(pages, [])), true)
    assert.equal(canOpen(1, furthestUnlocked(pages, [])), false)
    assert.equal(redirectFor(pages, 's2', []), '/base/c1/')
  })

  it('opens every page up to the one after the furthest done', () => {
    const done = ['c1', 's1']
    assert.equal(furthestUnlocked(pages, done), 2)
    assert.equal(redirectFor(pages, 's2', done), null)
    assert.equal(redirectFor(pages, 's1', done), null)
    assert.equal(redirectFor(pages, 'c2', done), '/base/s2/')
  })

  it('keeps progress by id: a page inserted before the furthest done is open, not done', () => {
    const inserted = [pages[0], pages[1], page('new'), ...pages.slice(2)] as RuntimePage[]
    assert.equal(furthestUnlocked(inserted, ['c1', 's1', 's2']), 4)
    assert.equal(redirectFor(inserted, 'new', ['c1', 's1', 's2']), null)
  })

  it('ignores done ids the course no longer has', () => {
    assert.equal(furthestUnlocked(pages, ['gone', 'c1']), 1)
  })

  it('never unlocks past the last page, and calls the course complete when it is done', () => {
    const all = pages.map((p) => p.id)
    assert.equal(furthestUnlocked(pages, all), pages.length - 1)
    assert.equal(isComplete(pages, all), true)
    assert.equal(isComplete(pages, all.slice(0, -1)), false)
    assert.equal(isComplete([], []), false)
  })

  it('leaves pages it does not gate alone', () => {
    assert.equal(redirectFor(pages, 'index', []), null)
    assert.equal(redirectFor(pages, 'unknown', []), null)
  })
})
