/**
 * The Markdown dialect, page by page: input Markdown, expected HTML body.
 * Each case is small enough to read the kramdown behaviour it pins down.
 */
import assert from 'node:assert/strict'
import { before, test } from 'node:test'
import { loadHtmlScanner } from '../../src/render/html-scan.ts'
import { renderBody } from '../helpers/render-body.ts'

before(loadHtmlScanner)

/** Renders `body` as the page p.md of a web site, or of an LMS package (`lms`), whose base is /listen/. */
function render(body: string, kind = 'section', lms = false) {
  const { rendered, parsed, diagnostics } = renderBody(body, kind, { lms })
  return { html: rendered.html, diagnostics, r: { ...rendered, ...parsed.quiz } }
}

const cases: [name: string, input: string, html: string][] = [
  [
    'smart quotes and apostrophes',
    `"Hello," she said. It's 7 Cups' way.`,
    '<p>“Hello,” she said. It’s 7 Cups’ way.</p>\n',
  ],
  [
    'dashes and ellipses as kramdown makes them, but not two dots',
    'a -- b --- c... d.. e',
    '<p>a – b — c… d.. e</p>\n',
  ],
  ['entities are decoded, not escaped twice', 'Wait&hellip;then &amp; now', '<p>Wait…then &amp; now</p>\n'],
  [
    'kramdown GFM heading ids keep digits and drop punctuation',
    "### 7 Cups' values",
    '<h3 id="7-cups-values" aria-level="2">7 Cups’ values</h3>\n',
  ],
  [
    'repeated headings get -1, -2',
    '## A\n\n## A\n\n## A',
    '<h2 id="a">A</h2>\n<h2 id="a-1">A</h2>\n<h2 id="a-2">A</h2>\n',
  ],
  [
    'headings keep their tag and get aria-level so the outline starts at 2',
    '#### Four\n\n##### Five',
    '<h4 id="four" aria-level="2">Four</h4>\n<h5 id="five" aria-level="3">Five</h5>\n',
  ],
  ['an attribute list after a paragraph', 'Text\n{: .conv}', '<p class="conv">Text</p>\n'],
  [
    'an attribute list after a list ends the list',
    '- a\n- b\n{: .showul}',
    '<ul class="showul">\n<li>a</li>\n<li>b</li>\n</ul>\n',
  ],
  ['an attribute list before a block (kramdown’s other form)', '{: .lead}\nText', '<p class="lead">Text</p>\n'],
  ['an attribute list in a code block is code', '    {: .x}', '<pre><code>{: .x}\n</code></pre>\n'],
  ['raw HTML blocks pass through', '<style>\np {color: red}\n</style>\n', '<style>\np {color: red}\n</style>\n'],
  [
    '<3 is a heart, but not in code',
    'I <3 it `<3`',
    '<p>I <svg class="cm-heart" role="img" aria-label="heart" viewBox="0 0 16 16" width="16" height="16"><path d="M8 14.5 1.9 8.6A3.9 3.9 0 0 1 8 3.7a3.9 3.9 0 0 1 6.1 4.9z"/></svg> it <code>&lt;3</code></p>\n',
  ],
  ['a link to a sibling page follows clean URLs', '[next](p.md#x)', '<p><a href="/p/#x">next</a></p>\n'],
  [
    'GFM tables render',
    '| a | b |\n|---|---|\n| 1 | 2 |',
    '<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>\n',
  ],
]

for (const [name, input, html] of cases) {
  test(`markdown: ${name}`, () => {
    const r = render(input)
    assert.deepEqual(r.diagnostics, [])
    assert.equal(r.html, html)
  })
}

test('markdown: a quiz wraps its paragraph and the lines before the bank, and the bank leaves the page', () => {
  const bank = Buffer.from('Q/Y/x').toString('base64')
  const { html, r, diagnostics } = render(
    `Intro.\n\nA member says:\n{: data-n="1"}\n\n*“Hi.”*\n{: .conv}\n\n- ${bank}\n\nAfter.`,
  )
  assert.deepEqual(diagnostics, [])
  assert.equal(r.quiz!.bank.length, 1)
  assert.match(
    html,
    /^<p>Intro\.<\/p>\n<section class="cm-quiz" aria-labelledby="cm-quiz-title" data-cm-quiz='\{"n":1,/,
  )
  assert.match(
    html,
    /<h2 id="cm-quiz-title">Quiz<\/h2>\n<p data-n="1">A member says:<\/p>\n<p class="conv"><em>“Hi\.”<\/em><\/p>\n<p class="cm-needs-js">/,
  )
  assert.match(html, /<\/section>\n<p>After\.<\/p>\n$/)
  assert.ok(!html.includes(bank), 'the base64 bank is not in the page')
})

test('markdown: data-n="0" keeps the paragraph and makes no quiz', () => {
  const { html, r } = render('No quiz here.\n{: data-n="0"}')
  assert.equal(html, '<p data-n="0">No quiz here.</p>\n')
  assert.equal(r.quiz, null)
  assert.equal(r.noQuiz, true)
})

test('markdown: a second quiz on a page is an error', () => {
  const item = `- ${Buffer.from('Q/Y/x').toString('base64')}`
  const { diagnostics } = render(`One\n{: data-n="1"}\n\n${item}\n\nTwo\n{: data-n="1"}\n\n${item}`)
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.line]),
    [['quiz/second-quiz', 12]],
  )
})

test('markdown: in an LMS package every link of the course is relative and names a file', () => {
  const cases: [input: string, href: string][] = [
    ['[again](p.md#x)', '../p/index.html#x'],
    ['[home](index.md)', '../index.html'],
    ['[home](/listen/)', '../index.html'],
    ['[page](/listen/p/)', '../p/index.html'],
    ['[a file](/listen/files/a%20b.pdf)', '../files/a%20b.pdf'],
    ['[img](img/map.png)', '../img/map.png'],
    ['[anchor](#top)', '#top'],
  ]
  for (const [input, href] of cases) {
    const { html, diagnostics } = render(input, 'section', true)
    assert.deepEqual(diagnostics, [])
    assert.equal(html, `<p><a href="${href}">${input.slice(1, input.indexOf(']'))}</a></p>\n`, input)
  }
  assert.equal(render('![Map](img/map.png)', 'section', true).html, '<p><img src="../img/map.png" alt="Map"></p>\n')
})

test('markdown: in an LMS package a link to another site opens in a new tab, out of the launch frame', () => {
  assert.equal(
    render('[7 Cups](https://www.7cups.com/)', 'section', true).html,
    '<p><a href="https://www.7cups.com/" target="_blank" rel="noopener noreferrer">7 Cups</a></p>\n',
  )
  assert.equal(render('[7 Cups](https://www.7cups.com/)').html, '<p><a href="https://www.7cups.com/">7 Cups</a></p>\n')
})
