/**
 * Whatever quiz the build accepts, the runtime can run (issue 15): a page
 * either has no quiz section, or one whose `data-cm-quiz` JSON the
 * runtime's own reader (src/runtime/quiz-data.ts) loads. `data-n="00"`
 * built an empty quiz that learners saw as "could not be loaded".
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts'
import { readQuiz } from '../../src/runtime/quiz-data.ts'
import { item } from '../helpers/course.ts'
import { renderBody } from '../helpers/render-body.ts'

const BANK = [item('Water is wet.', 'Y', 'It is.'), item('Fire is cold.', 'N', 'Hot.'), item('Snow is white.', 'Y', '')]

function build(n: string, opt: string | null): { html: string; errors: Diagnostic[] } {
  const attrs = `data-n="${n}"${opt === null ? '' : ` data-opt="${opt}"`}`
  const { rendered, diagnostics } = renderBody(`Quiz:\n{: ${attrs}}\n\n${BANK.map((b) => `- ${b}`).join('\n')}\n`)
  return { html: rendered.html, errors: diagnostics.filter((d) => d.severity === 'error') }
}

/** The quiz JSON of each quiz section in `html`, unescaped as a browser reads the attribute. */
const quizJson = (html: string) =>
  [...html.matchAll(/<section class="cm-quiz"[^>]*data-cm-quiz='([^']*)'/g)].map((m) =>
    m[1]!.replace(/&#39;/g, "'").replace(/&amp;/g, '&'),
  )

test('data-n="00", like data-n="0", builds a page without a quiz section', () => {
  for (const n of ['0', '00', ' 0 ', '000']) {
    const { html, errors } = build(n, null)
    assert.deepEqual(errors, [], n)
    assert.deepEqual(quizJson(html), [], n)
    assert.doesNotMatch(html, /cm-quiz/, n)
  }
})

test('every data-n and data-opt the build accepts makes a quiz the runtime loads (property)', () => {
  const n = fc.oneof(
    fc.constantFrom('0', '00', '1', '01', '3', '4', '-1', '1.5', '1e1', '', ' ', 'x', '99999999999999999999'),
    fc.string({ maxLength: 4 }),
  )
  const opt = fc.option(fc.oneof(fc.constantFrom('Yes,No', 'a,a', ',', 'One'), fc.string({ maxLength: 6 })))
  fc.assert(
    fc.property(n, opt, (n, opt) => {
      if (/["}\n\\]/.test(n) || (opt !== null && /["}\n\\]/.test(opt))) return
      const { html, errors } = build(n, opt)
      if (errors.length) return
      for (const json of quizJson(html)) assert.ok(readQuiz(json), `data-n=${JSON.stringify(n)} gives ${json}`)
      assert.equal(quizJson(html).length, (html.match(/class="cm-quiz"/g) ?? []).length)
    }),
    { numRuns: 300, seed: 15 },
  )
})
