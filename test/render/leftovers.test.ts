/**
 * Syntax never shows as text in a built page (issue 15): an attribute list
 * that is never closed or not on a line of its own, and `{{` or `{%` left
 * after Liquid, are errors at their place; braces the author escaped stay
 * text; `on…` attributes of attribute lists are removed.
 */
import assert from 'node:assert/strict'
import { before, test } from 'node:test'
import { loadLiquid } from '../../src/render/liquid.ts'
import { item } from '../helpers/course.ts'
import { renderBody } from '../helpers/render-body.ts'

before(loadLiquid)

/** Renders a section whose body starts on line 6; with `liquid`, its Liquid runs first. */
function render(body: string, liquid = false) {
  const { rendered, diagnostics } = renderBody(body, 'section', { liquid: liquid ? {} : null })
  return { html: rendered.html, found: diagnostics.map((d) => [d.severity, d.code, d.line, d.column]) }
}

const leaks = (html: string) => /\{[:{%]/.test(html.replace(/<code>[\s\S]*?<\/code>/g, ''))

test('a page that ends inside an attribute list is an error at the list, which does not show', () => {
  const { html, found } = render('Para\n{: .s')
  assert.deepEqual(found, [['error', 'attr-list/unclosed', 7, 1]])
  assert.equal(leaks(html), false, html)
})

test('an attribute list never closed in the middle of a page is an error too', () => {
  const { html, found } = render('Para\n  {: .s data-x="1"\n\nNext para.\n')
  assert.deepEqual(found, [['error', 'attr-list/unclosed', 7, 3]])
  assert.equal(leaks(html), false, html)
  assert.match(html, /<p>Next para\.<\/p>/)
})

test('an attribute list in a table cell is an error at the cell', () => {
  const { html, found } = render('| a | b |\n|---|---|\n| x | {: .s} |\n')
  assert.deepEqual(found, [['error', 'attr-list/not-on-its-own-line', 8, 7]])
  assert.ok(html.includes('{: .s}'), 'the page is not built anyway; the text is as written')
})

test('an attribute list in the middle of a line is an error at its column', () => {
  const { found } = render('Text `{:code}` and *more* {: .x} here.\n')
  assert.deepEqual(found, [['error', 'attr-list/not-on-its-own-line', 6, 27]])
})

test("Liquid that outputs {{ or {% leaves it as text: an error at the line ({{ '{{' }})", () => {
  const { found } = render("Line one.\nShow {{ '{{' }} here.\n", true)
  assert.deepEqual(found, [['error', 'liquid/left-in-text', 7, 6]])
  const raw = render('A {% raw %}{% if %}{% endraw %} b\n', true)
  assert.deepEqual(raw.found, [['error', 'liquid/left-in-text', 6, 3]])
})

test('escaped braces and entities are text the author meant, written so that they never read as syntax', () => {
  const { html, found } = render(
    'Write \\{: .class}, \\{\\{ x }} and &#123;% tag %}.\n\n`{: code}`\n\n    {{ code }}\n',
  )
  assert.deepEqual(found, [])
  assert.equal(leaks(html), false, html)
  assert.match(html, /Write &#123;: \.class}, &#123;\{ x }} and &#123;% tag %}/)
  assert.match(html, /<code>\{: code\}<\/code>/)
})

test('an onclick in an attribute list is removed, with a warning at it', () => {
  const { html, found } = render('Para\n{: .s onclick="alert(1)" data-x="1"}\n')
  assert.deepEqual(found, [['warning', 'legacy/handler-removed', 7, 7]])
  assert.equal(html, '<p class="s" data-x="1">Para</p>\n')
})

test('a statement or explanation that would show {{ is an error at its bank item', () => {
  const body = `Quiz:\n{: data-n="1"}\n\n- ${item('Fine.', 'Y', 'ok')}\n- The {: x} thing.\n  - True: it is\n`
  const { found } = render(body)
  assert.deepEqual(found, [['error', 'quiz/text-left-as-syntax', 10, 3]])
})

test('a page may not write the runtime’s own data-cm- attributes in an attribute list', () => {
  const { html, found } = render('Para\n{: data-cm-quiz=\'{"n":1}\' .x}\n')
  assert.deepEqual(found, [['error', 'attr-list/reserved', 7, 4]])
  assert.doesNotMatch(html, /data-cm-quiz/)
})
