import assert from 'node:assert/strict'
import { test } from 'node:test'
import { pageId, parseFrontMatter } from '../../src/load/front-matter.ts'

const parse = (text: string, path = 'p.md') => parseFrontMatter({ path, text })

test('parseFrontMatter splits front matter from body and keeps the body line', () => {
  const { page, diagnostics } = parse('---\nlayout: listen\ntitle: "Chapter 1: Start"\nclass: chapter\nserial: 3\n---\nBody\n')
  assert.deepEqual(diagnostics, [])
  assert.equal(page!.front.title, 'Chapter 1: Start')
  assert.equal(page!.front.kind, 'chapter')
  assert.equal(page!.front.serial, 3)
  assert.equal(page!.body, 'Body\n')
  assert.equal(page!.bodyLine, 7)
  assert.equal(page!.path, 'p/')
  assert.equal(page!.front.fieldLines['serial'], 5)
})

test('the index needs no serial and is published at the root', () => {
  const { page, diagnostics } = parse('---\ntitle: Index\nclass: index\n---\n', 'index.md')
  assert.deepEqual(diagnostics, [])
  assert.equal(page!.id, 'index')
  assert.equal(page!.path, '')
})

test('parseFrontMatter reports every bad field of a page, each at its own line', () => {
  const { page, diagnostics } = parse('---\ntitle:\nclass: lesson\nserial: -1\nlang: 12\n---\n')
  assert.equal(page, null)
  assert.deepEqual(diagnostics.map((d) => [d.code, d.line, d.column]), [
    ['front-matter/missing-title', 2, 1],
    ['front-matter/unknown-class', 3, 8],
    ['front-matter/bad-serial', 4, 9],
    ['front-matter/bad-lang', 5, 7],
  ])
})

test('a YAML error is placed in the file, not in the front matter', () => {
  const { diagnostics } = parse('---\ntitle: ok\nclass: section\nserial: 1\nbad: [\n---\n')
  assert.equal(diagnostics[0]!.code, 'front-matter/invalid-yaml')
  assert.ok(diagnostics[0]!.line >= 5, `line ${diagnostics[0]!.line}`)
})

test('a duplicated key is a YAML error', () => {
  const { diagnostics } = parse('---\ntitle: a\ntitle: b\nclass: section\nserial: 1\n---\n')
  assert.equal(diagnostics[0]!.code, 'front-matter/invalid-yaml')
  assert.equal(diagnostics[0]!.line, 3)
})

test('CRLF sources and a byte-order mark are read like plain LF files', () => {
  const { page, diagnostics } = parse('\uFEFF---\ntitle: T\nclass: section\nserial: 1\n---\nx\n')
  assert.deepEqual(diagnostics, [])
  assert.equal(page!.front.title, 'T')
})

test('pageId drops .md and a trailing /index', () => {
  assert.equal(pageId('listen02.md'), 'listen02')
  assert.equal(pageId('basics/intro.md'), 'basics/intro')
  assert.equal(pageId('basics/index.md'), 'basics')
})
