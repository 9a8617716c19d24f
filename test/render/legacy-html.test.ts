/**
 * The author's raw HTML, read as a browser reads it (issue 15): scripts and
 * handlers are removed wherever they are, quiz statements included, however
 * they are written; HTML that leaves something open at the end of the page
 * is an error where it opened; styles are allowed by hash.
 */
import assert from 'node:assert/strict'
import { before, test } from 'node:test'
import { parseFragment } from 'parse5'
import { loadHtmlScanner } from '../../src/render/html-scan.ts'
import { contentSecurityPolicy } from '../../src/render/layout.ts'
import { item } from '../helpers/course.ts'
import { renderBody } from '../helpers/render-body.ts'

before(loadHtmlScanner)

/** Renders a page whose body starts on line 6. */
function render(body: string, kind = 'section') {
  const { rendered, diagnostics } = renderBody(body, kind)
  return { ...rendered, found: diagnostics.map((d) => [d.severity, d.code, d.line]) }
}

/** What a browser would build from `html` after the layout's next tag: its script elements and handler attributes. */
function whatRuns(html: string): string[] {
  const found: string[] = []
  type Node = { nodeName: string; attrs?: { name: string; value: string }[]; childNodes?: Node[]; content?: Node }
  const walk = (n: Node) => {
    if (n.nodeName === 'script') found.push('script')
    for (const a of n.attrs ?? []) if (/^on/i.test(a.name) || /^\s*javascript:/i.test(a.value)) found.push(a.name)
    for (const c of n.childNodes ?? []) walk(c)
    if (n.content) walk(n.content)
  }
  walk(parseFragment(`${html}\n<div id="after"></div>`) as unknown as Node)
  return found
}

const HOSTILE: [name: string, body: string][] = [
  ['an end tag with attributes', 'Text\n\n<div><script>alert(1)</script foo></div>\n\nMore.\n'],
  ['a script hidden in a tag name', '<div>\n<scr<script></script>ipt>alert(1)</script>\n</div>\n<script>x</script>\n'],
  ['a script in SVG', '<svg><script>alert(1)</script><a onload="x()"/></svg>\n'],
  ['a handler in upper case, repeated', '<img src="a.png" ONERROR="a()" onerror="b()" alt="x">\n'],
  ['a javascript: link', '<a href=" java\tscript:alert(1)">x</a>\n'],
  ['a breakout from SVG style', '<svg><style><img src=x onerror=alert(1)></style></svg>\n'],
  ['inline script in a paragraph', 'Hello <script>alert(1)</script> world <b onclick="y()">b</b>.\n'],
  ['a < before a script', 'a<<script>x</script>img src=x onerror=alert(1)>\n'],
]

for (const [name, body] of HOSTILE) {
  test(`no script or handler survives ${name}`, () => {
    const { html, found } = render(body)
    assert.deepEqual(whatRuns(html), [], html)
    assert.ok(
      found.some(([, code]) => code === 'legacy/script-removed' || code === 'legacy/handler-removed'),
      JSON.stringify(found),
    )
    assert.ok(!found.some(([severity]) => severity === 'error'), JSON.stringify(found))
  })
}

const LEFT_OPEN = ['<!-- a note', '<textarea>', '<title>', '<xmp>', '<iframe>', '<noscript>', '<style>', '<plaintext>']

for (const opener of LEFT_OPEN) {
  test(`a page ending inside ${opener} is an error at the line where it opened`, () => {
    const { found } = render(`Para.\n\n${opener}\nMore text.\n`)
    assert.deepEqual(
      found.filter(([s]) => s === 'error'),
      [['error', 'html/unclosed', 8]],
    )
  })
}

test('a script whose end tag Markdown does not see, or that is never closed, is an error where it opened', () => {
  // Inline, `</script foo>` is text to Markdown: the script would run to the end of the page.
  assert.deepEqual(render('Text <script>alert(1)</script foo> more.\n').found, [
    ['note', 'legacy/script-removed', 6],
    ['error', 'html/unclosed', 6],
  ])
  assert.deepEqual(render('Text\n\n<script>alert(1)</script foo>\n\nMore.\n').found, [
    ['error', 'html/unclosed-block', 8],
    ['note', 'legacy/script-removed', 8],
  ])
})

test('an unclosed script swallowing the page, or a tag without >, is an error where it opened', () => {
  assert.deepEqual(render('Para.\n\n<script src="x.js">\nvar a\n').found, [
    ['note', 'legacy/script-removed', 8],
    ['error', 'html/unclosed', 8],
  ])
  assert.deepEqual(render('Para.\n\n<div class="x\n').found, [['error', 'html/unclosed', 8]])
  assert.deepEqual(render('<details>\n\nHidden?\n').found, [['error', 'html/unclosed', 6]])
})

test('a script block Markdown never ends (</script >) is an error: the quiz after it would be raw text', () => {
  const body = `<script >x</script >\n\nQuiz:\n{: data-n="1"}\n\n- ${item('A.', 'Y', 'a')}\n`
  const { found } = render(body)
  assert.deepEqual(
    found.filter(([s]) => s === 'error'),
    [['error', 'html/unclosed-block', 6]],
  )
})

test('scripts and handlers in statements and explanations are removed, reported at the item', () => {
  const body = `Quiz:\n{: data-n="2"}\n\n- ${item('A <img src=x onerror="alert(1)"> b.', 'Y', 'Why <script>alert(2)</script>.')}\n- Readable <b onmouseover="x()">one</b>.\n  - False: because.\n`
  const { html, found } = render(body)
  const json = JSON.parse(/data-cm-quiz='([^']*)'/.exec(html)![1]!.replace(/&#39;/g, "'").replace(/&amp;/g, '&')) as {
    keys: string[]
  }
  // The statements are in the page, as the quiz's radio groups; the explanations in the keys.
  assert.deepEqual(whatRuns(html), [], html)
  assert.equal((html.match(/<legend>/g) ?? []).length, 2)
  for (const k of json.keys) {
    const key = JSON.parse(Buffer.from(k, 'base64').toString('utf8')) as { x: string }
    assert.deepEqual(whatRuns(key.x), [], key.x)
  }
  assert.deepEqual(found, [
    ['warning', 'legacy/handler-removed', 9],
    ['note', 'legacy/script-removed', 9],
    ['warning', 'legacy/handler-removed', 10],
  ])
})

test('the index keeps its own buttons, connected, with their handlers and hidden removed', () => {
  const body =
    '<button id="reset" onclick="resetSection()">Reset the Course</button>\n<button hidden="true" id=\'begin\' onclick="go()">Go</button>\n'
  const { html, actions, found } = render(body, 'index')
  assert.equal(
    html,
    '<p><button type="button" data-cm-action="reset" id="reset">Reset the Course</button>\n<button type="button" data-cm-action="begin" id=\'begin\'>Go</button></p>\n',
  )
  assert.deepEqual([...actions], ['reset', 'begin'])
  assert.deepEqual(found, [['note', 'legacy/index-buttons', 6]])
})

test("the page's styles are allowed by hash, whether written as HTML or in an attribute list", () => {
  const raw = render('<style>p { color: red }</style>\n\n<p style="margin: 0">x</p>\n')
  assert.deepEqual(raw.styles, { elements: ['p { color: red }'], attributes: ['margin: 0'] })
  const listed = render('Para\n{: style="color: &amp; blue"}\n')
  assert.deepEqual(listed.styles, { elements: [], attributes: ['color: &amp; blue'] })
  assert.match(contentSecurityPolicy(listed.styles), /style-src 'self' 'unsafe-hashes' 'sha256-[^']+'/)
})

test('raw HTML may not carry a quiz section of its own, which the runtime would try to load', () => {
  const { found } = render('<section class="cm-quiz" data-cm-quiz=\'{"n":1}\'></section>\n')
  assert.deepEqual(found, [['error', 'html/quiz-swallowed', 6]])
})
