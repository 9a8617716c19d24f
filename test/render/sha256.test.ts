/** The CSP's SHA-256 is node:crypto's, for any text: empty, ASCII, any Unicode, across block boundaries. */
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { test } from 'node:test'
import fc from 'fast-check'
import { sha256Base64 } from '../../src/render/sha256.ts'

const expected = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64')

test('sha256Base64 gives the digest node:crypto gives', () => {
  // 55, 56 and 64 bytes sit on the padding's edges; the rest are ordinary.
  for (const text of ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'h4 {color: #aaa;}', 'é€😀'])
    assert.equal(sha256Base64(text), expected(text), JSON.stringify(text))
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => sha256Base64(text) === expected(text)),
    { numRuns: 300 },
  )
})
