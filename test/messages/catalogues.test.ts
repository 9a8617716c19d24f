/**
 * The built-in catalogues (src/messages/<lang>.json): each parses, has every
 * key of the English one and no other, with the same placeholders, and
 * gives each plural a branch for every category its language uses for the
 * counts a course shows. And every key is used: by the build, or named in a
 * runtime script, which names no key that does not exist.
 */
import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { catalogueFor, catalogueTexts, messageKeys } from '../../src/messages/catalogues.ts'
import { isProblem, type Message, parseMessage, placeholdersOf } from '../../src/messages/message-syntax.ts'
import { ROOT } from '../helpers/course.ts'

const DIR = join(ROOT, 'src', 'messages')
const CODES = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length))
  .sort()

/** The plural categories `lang` picks for 0 to 1000: what a course's counts can meet. */
function categoriesUsed(lang: string): Set<string> {
  const rules = new Intl.PluralRules(lang)
  const used = new Set<string>()
  for (let n = 0; n <= 1000; n++) used.add(rules.select(n))
  return used
}

describe('the message catalogues', () => {
  it('are the ten languages the README lists, at least', () => {
    for (const code of ['en', 'es', 'fr', 'de', 'pt', 'it', 'nl', 'pl', 'ar', 'he'])
      assert.ok(CODES.includes(code), code)
  })

  for (const code of CODES) {
    it(`${code}: every message parses, with the keys and placeholders of English`, () => {
      const texts = catalogueTexts(code)
      assert.ok(texts)
      const problems: string[] = []
      for (const [key, text] of Object.entries(texts)) {
        const parsed = parseMessage(text)
        if (isProblem(parsed)) problems.push(`${key}: ${parsed.reason}`)
      }
      assert.deepEqual(problems, [])
      const keys = messageKeys()
      assert.deepEqual(Object.keys(texts).sort(), keys.map((k) => k.key).sort(), 'the same keys as en.json')
      const catalogue = catalogueFor(code)
      assert.ok(catalogue)
      for (const { key, placeholders } of keys) {
        const own = placeholdersOf(catalogue.messages.get(key) as Message)
        assert.deepEqual([...own].sort(), [...placeholders].sort(), `${code} ${key}: placeholders`)
      }
    })

    it(`${code}: each plural has a branch for every category the language uses`, () => {
      const used = categoriesUsed(code)
      const catalogue = catalogueFor(code)
      assert.ok(catalogue)
      for (const [key, message] of catalogue.messages) {
        for (const part of message) {
          if (typeof part === 'string' || !('forms' in part)) continue
          const missing = [...used].filter((c) => !part.forms[c] && c !== 'other')
          assert.deepEqual(missing, [], `${code} ${key}: {${part.arg}, plural} needs ${missing.join(', ')}`)
        }
      }
    })
  }

  it('has no key that nothing uses, and the runtime names no key that does not exist', () => {
    const keys = new Set(messageKeys().map((k) => k.key))
    const groups = new Set([...keys].map((k) => k.split('.')[0] as string))
    const sources = sourceTexts(join(ROOT, 'src'))
    const unused = [...keys].filter((key) => !sources.includes(`'${key}'`))
    assert.deepEqual(unused, [], 'keys named nowhere in src/')
    for (const bundle of ['runtime.js', 'runtime-lms.js', 'runtime-extras.js', 'launch.js']) {
      const js = readFileSync(join(ROOT, 'dist', bundle), 'utf8')
      // A key is written as the build finds it (runtime-manifest.ts), in a group of en.json's; other
      // strings of that shape ("index.html", SCORM's "cmi.exit") are no keys, and the build leaves them.
      const named = [...js.matchAll(/"([a-z]+)\.([A-Za-z]+)"/g)]
        .filter((m) => groups.has(m[1] as string) && !/^(html|js|css|json|xml)$/.test(m[2] as string))
        .map((m) => `${m[1]}.${m[2]}`)
      assert.deepEqual(
        named.filter((key) => !keys.has(key)),
        [],
        `${bundle} names keys that are not in en.json`,
      )
    }
  })
})

/** Every TypeScript source under `dir`, joined. */
function sourceTexts(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'))
    .join('\n')
}
