import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { createMarkdown } from '../../src/render/markdown.ts'
import { inlineHtml } from '../../src/render/inline-html.ts'
import type { RenderEnv } from '../../src/render/render-env.ts'

const md = createMarkdown()
const env = {
  file: 'p.md',
  page: {
    id: 'p',
    file: 'p.md',
    path: 'p/',
    front: { title: 'P', kind: 'section', serial: 1, lang: null, data: {}, fieldLines: {}, entryPositions: {} },
    body: '',
    bodyLine: 1,
    source: { file: 'p.md', line: 1, column: 1 },
  },
  course: { base: '/', pageByFile: new Map(), pageBySerial: new Map(), pageByUrl: new Map() },
  line: (l: number) => l + 1,
  diagnostics: [],
  headingIds: new Map(),
  headings: [],
  links: [],
  quiz: null,
  quizJson: null,
} as unknown as RenderEnv

test('the plain-prose shortcut renders exactly what markdown-it renders (property)', () => {
  // Prose-like text (mostly taking the shortcut) and text full of Markdown (mostly not).
  const prose = fc.constantFrom(..."aZ9 é中ש.,;:?-()'".split(''))
  const any = fc.constantFrom(...'aZ9 é中ש.,;:?!-()\'"*_<>&3#+=@~`[]\\/…’'.split(''))
  const text = fc.array(fc.oneof({ weight: 4, arbitrary: prose }, { weight: 1, arbitrary: any }), { maxLength: 40 })
  fc.assert(
    fc.property(
      text.map((cs) => cs.join('').trim()),
      (text) => {
        assert.equal(inlineHtml(md, text, env), md.renderInline(text, env), JSON.stringify(text))
      },
    ),
    { numRuns: 5000 },
  )
})

test('the shortcut takes plain prose with apostrophes, and leaves everything else to markdown-it', () => {
  assert.equal(
    inlineHtml(md, "Listeners don't give advice, it's the member's choice.", env),
    'Listeners don’t give advice, it’s the member’s choice.',
  )
  assert.equal(inlineHtml(md, 'Say *why* -- or "how"...', env), 'Say <em>why</em> – or “how”…')
})
