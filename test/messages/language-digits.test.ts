/**
 * The digits the build gives the runtime (src/messages/language-digits.ts):
 * what Intl writes, found without Intl for the languages known to write
 * ASCII digits everywhere.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { languageDigits } from '../../src/messages/language-digits.ts'

/** What Intl writes for 0 to 9. */
function intlDigits(lang: string): string {
  const format = new Intl.NumberFormat(lang)
  return Array.from({ length: 10 }, (_, d) => format.format(d)).join('')
}

test('languages known to write ASCII digits do so in every region, as Intl says', () => {
  const tags = ['en', 'en-IN', 'en-GB', 'es-MX', 'fr', 'fr-MA', 'de-CH', 'pt-BR', 'it', 'nl-BE', 'pl', 'he', 'he-IL']
  for (const tag of tags) {
    assert.equal(languageDigits(tag), '0123456789', tag)
    assert.equal(intlDigits(tag), '0123456789', `${tag}: Intl`)
  }
})

test('other languages get the digits Intl writes', () => {
  assert.equal(languageDigits('ar-EG'), '٠١٢٣٤٥٦٧٨٩')
  assert.equal(languageDigits('fa'), '۰۱۲۳۴۵۶۷۸۹')
  for (const tag of ['ar', 'ar-MA', 'hi', 'bn', 'th', 'ja', 'zh-Hant', 'sw'])
    assert.equal(languageDigits(tag), intlDigits(tag), tag)
})

test('a tag that asks for other digits is asked of Intl, even in a language known to write ASCII', () => {
  assert.equal(languageDigits('de-u-nu-arab'), '٠١٢٣٤٥٦٧٨٩')
})
