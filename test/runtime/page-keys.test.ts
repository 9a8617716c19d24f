import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { courseTag, keyLength, pageKeys } from '../../src/emit/page-keys.ts'

describe('page keys', () => {
  it('are stable, all of one length, and different for every page', () => {
    const ids = Array.from({ length: 5800 }, (_, i) => `listen${i}`)
    const keys = pageKeys(ids)
    assert.equal(new Set(keys).size, ids.length)
    assert.equal(new Set(keys.map((k) => k.length)).size, 1)
    assert.deepEqual(pageKeys(ids.slice(0, 3)), pageKeys(ids.slice(0, 3)))
    assert.match(keys.join(''), /^[0-9A-HJKMNP-TV-Z]+$/)
  })

  it('grow with the course so that a few pages more rarely change them', () => {
    assert.deepEqual([1, 11, 12, 58, 64, 65, 5800].map(keyLength), [2, 2, 3, 3, 3, 4, 6])
    // Keys of one page at two lengths share their beginning: an older code still names it.
    const [short] = pageKeys(['intro', 'a', 'b'])
    const [long] = pageKeys(['intro', ...Array.from({ length: 99 }, (_, i) => `p${i}`)])
    assert.ok(long!.startsWith(short!), `${long} begins with ${short}`)
  })

  it('tag each course with 2 characters of its own', () => {
    assert.match(courseTag('listen'), /^[0-9A-HJKMNP-TV-Z]{2}$/)
    assert.notEqual(courseTag('listen'), courseTag('listen2'))
  })
})
