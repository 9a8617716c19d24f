/**
 * Liquid within liquidjs's own limits (issue 15): a page whose Liquid would
 * fill the memory, run for minutes or make a page too large to build is
 * stopped and reported at its tag, and the build goes on to the next page.
 */
import assert from 'node:assert/strict'
import { before, test } from 'node:test'
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts'
import { parseFrontMatter } from '../../src/load/front-matter.ts'
import { loadLiquid, renderLiquid } from '../../src/render/liquid.ts'

before(loadLiquid)

function liquid(body: string) {
  const { page } = parseFrontMatter({ path: 'p.md', text: `---\ntitle: P\nclass: section\nserial: 1\n---\n${body}` })
  const diagnostics: Diagnostic[] = []
  const out = renderLiquid(page!, {}, '/', diagnostics)
  return { out, diagnostics: diagnostics.map((d) => [d.code, d.line, d.column, d.message]) }
}

test('a range of 200 million numbers is refused before it is made, at its tag', () => {
  const { out, diagnostics } = liquid('Text\n{% for i in (-99999999..99999999) limit: 5 %}{{ i }}{% endfor %}\n')
  assert.equal(out, null)
  assert.deepEqual(diagnostics, [
    [
      'liquid/limit',
      7,
      1,
      "This page's Liquid would make more than 10,000,000 items (a range or a loop too large), so it was stopped.",
    ],
  ])
})

test('Liquid that would make the page longer than the page limit is refused', () => {
  const grow = '{% assign s = "xxxxxxxxxx" %}{% for i in (1..10) %}{% assign s = s | append: s %}{% endfor %}'
  const { out, diagnostics } = liquid(`A\n${grow}{% for i in (1..1100) %}{{ s }}{% endfor %}\n`)
  assert.equal(out, null)
  assert.deepEqual(diagnostics, [
    ['liquid/limit', 7, 1, "This page's Liquid makes it longer than 2,097,152 characters."],
  ])
})

test('ordinary Liquid is untouched by the limits', () => {
  const { out, diagnostics } = liquid('{% for i in (1..3) %}{{ i }}{% endfor %}\n')
  assert.deepEqual(diagnostics, [])
  assert.equal(out, '123\n')
})
