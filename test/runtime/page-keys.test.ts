import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { keyDigits as buildDigits, keyLength, minimumKeyLength } from '../../src/emit/page-keys.ts'
import { codeCourse, keyDigits } from '../../src/runtime/page-key.ts'

describe('page keys', () => {
  it('are made alike by the build and the runtime, for any id', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (id) => assert.equal(keyDigits(id), buildDigits(id))))
    assert.match(keyDigits('listen02'), /^[0-9A-HJKMNP-TV-Z]{10}$/)
  })

  it('differ for every page of a long course, all of one length', () => {
    const ids = Array.from({ length: 5800 }, (_, i) => `listen${i}`)
    const length = keyLength(ids)
    const course = codeCourse({ course: 'c', keyLength: length, pages: ids.map((id) => ({ id })) })
    assert.equal(new Set(course.pages.map((p) => p.key)).size, ids.length)
    assert.ok(course.pages.every((p) => p.key.length === length))
  })

  it('grow with the course so that a few pages more rarely change them', () => {
    assert.deepEqual([1, 11, 12, 58, 64, 65, 5800].map(minimumKeyLength), [2, 2, 3, 3, 3, 4, 6])
  })

  it('tag each course with 2 characters of its own', () => {
    const tag = (course: string) => codeCourse({ course, keyLength: 2, pages: [] }).tag
    assert.match(tag('listen'), /^[0-9A-HJKMNP-TV-Z]{2}$/)
    assert.notEqual(tag('listen'), tag('listen2'))
  })
})
