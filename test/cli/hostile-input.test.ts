/**
 * Pages shaped to make a regular expression or a parser take quadratic time
 * build (or fail) as fast as any page of their size (issue 15). Each ran for
 * seconds to minutes before; the test's timeout only guards against a hang,
 * and `npm run bench` measures how time grows with size.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { cli, tempPath, validCourse, writeCourse } from '../helpers/course.ts'

const page = (serial: number, body: string) => `---\ntitle: S${serial}\nclass: section\nserial: ${serial}\n---\n${body}`

const CASES: [name: string, body: string, code: 0 | 1, error?: RegExp][] = [
  // 100,000 lines took 36 s (the tag regex of legacy-html.ts and the style= scan of the CSP).
  [
    'a <button> then 300,000 lines of <p',
    `<button>\n${'<p\n'.repeat(300_000)}`,
    1,
    /^s2\.md:7:1: error: This tag is never closed/m,
  ],
  ['100,000 unclosed <button', '<button\n'.repeat(100_000), 0],
  ['60,000 style attributes', '<div>\n' + '<p style="color: red">x</p>\n'.repeat(60_000) + '</div>\n', 0],
  // A table cell costs about a kilobyte to parse: a page of millions of them took gigabytes.
  [
    'a table of 102,000 cells',
    `Text.\n\n| a | b |\n|---|---|\n${'| c | d |\n'.repeat(34_000)}`,
    1,
    /^s2\.md:8:1: error: This page holds more than 100,000 `\|`/m,
  ],
]

for (const [name, body, code, error] of CASES) {
  test(`a page of ${name} builds in linear time`, { timeout: 120_000 }, () => {
    const dir = writeCourse({ 's2.md': page(3, body) }, validCourse())
    const r = cli(['build', dir, '--out', tempPath()])
    assert.equal(r.code, code, r.stderr.slice(0, 2000))
    if (error) assert.match(r.stderr, error)
    assert.doesNotMatch(r.stderr, /\n\s+at /)
  })
}
