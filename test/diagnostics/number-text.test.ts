import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { groupedDigits } from '../../src/diagnostics/number-text.ts'

test('groupedDigits writes whole numbers as English does, with commas', () => {
  assert.equal(groupedDigits(0), '0')
  assert.equal(groupedDigits(999), '999')
  assert.equal(groupedDigits(1000), '1,000')
  assert.equal(groupedDigits(10_000_000), '10,000,000')
  assert.equal(groupedDigits(-1_234_567), '-1,234,567')
  fc.assert(
    fc.property(fc.maxSafeInteger(), (n) => {
      assert.equal(groupedDigits(n), n.toLocaleString('en-US'))
    }),
  )
})
