/** The names and versions the build hashes: ten hex digits, the same for the same texts, new for any change. */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { hexHash, hexHashOf } from '../../src/model/hash.ts'

test('hexHash and hexHashOf give ten hex digits, the same for the same texts', () => {
  assert.match(hexHash('body { color: red }'), /^[0-9a-f]{10}$/)
  assert.equal(hexHash('abc'), hexHash('abc'))
  assert.match(hexHashOf(['a', 'b']), /^[0-9a-f]{10}$/)
  assert.equal(hexHashOf(['page', '<p>x</p>']), hexHashOf(['page', '<p>x</p>']))
})

test('a change anywhere, even where one text ends, gives a new hash', () => {
  const base = ['runtime', 'a/', '<p>one</p>', 'b/', '<p>two</p>']
  const seen = new Set([hexHashOf(base)])
  for (const other of [
    ['runtime', 'a/', '<p>one</p>', 'b/', '<p>two!</p>'],
    ['runtime', 'a/', '<p>one</p>', 'b/'],
    ['runtime', 'a/<p>one</p>', 'b/', '<p>two</p>'],
    ['runtime', 'a', '/<p>one</p>', 'b/', '<p>two</p>'],
    ['b/', '<p>two</p>', 'runtime', 'a/', '<p>one</p>'],
  ]) {
    const h = hexHashOf(other)
    assert.ok(!seen.has(h), other.join('|'))
    seen.add(h)
  }
  assert.notEqual(hexHash('a'), hexHash('b'))
})
