import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { decodeBase64, decodeKey } from '../../src/runtime/decode-key.ts'

/** How the build writes a key: base64 of the UTF-8 JSON. */
const encodeKey = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64')

describe('decodeKey', () => {
  it('round-trips accented letters, emoji and right-to-left text', () => {
    for (const x of [
      'Café, naïve, Über',
      'Emoji 💬🫶🏽 and a flag 🇺🇦',
      'שלום עולם',
      'مرحبا بالعالم',
      '<em>déjà vu</em> — “quoted”…',
    ]) {
      assert.deepEqual(decodeKey(encodeKey({ a: 1, x })), { a: 1, x })
    }
  })

  it('round-trips any answer and any Unicode explanation', () => {
    fc.assert(
      fc.property(fc.constantFrom(0 as const, 1 as const), fc.string({ unit: 'grapheme', maxLength: 80 }), (a, x) => {
        assert.deepEqual(decodeKey(encodeKey({ a, x })), { a, x })
      }),
    )
  })

  it('refuses what is not base64 of UTF-8 JSON of a key', () => {
    assert.equal(decodeKey('not base64!'), null)
    assert.equal(decodeKey(Buffer.from([0xff, 0xfe, 0x7b]).toString('base64')), null, 'invalid UTF-8')
    assert.equal(decodeKey(Buffer.from('{"a":0,', 'utf8').toString('base64')), null, 'truncated JSON')
    assert.equal(decodeKey(encodeKey({ a: 2, x: '' })), null, 'answer out of range')
    assert.equal(decodeKey(encodeKey({ a: '0', x: '' })), null, 'answer as a string')
    assert.equal(decodeKey(encodeKey({ a: 0 })), null, 'no explanation')
    assert.equal(decodeKey(encodeKey([0, ''])), null, 'an array')
    assert.equal(decodeKey(encodeKey(null)), null, 'null')
  })
})

describe('decodeBase64', () => {
  it('decodes what Node encodes, with or without padding', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const text = Buffer.from(bytes).toString('base64')
        assert.deepEqual(decodeBase64(text), bytes)
        assert.deepEqual(decodeBase64(text.replace(/=+$/, '')), bytes)
      }),
    )
  })

  it('ignores line breaks and refuses characters outside the alphabet or an impossible length', () => {
    assert.deepEqual(decodeBase64('aGVs\nbG8='), new Uint8Array(Buffer.from('hello')))
    assert.equal(decodeBase64('aGVsbG8*'), null)
    assert.equal(decodeBase64('aGVsb'), null)
  })
})
