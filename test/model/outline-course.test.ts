/**
 * The course outline's checks that need no page body: addresses, serials,
 * and every file of the site at a path of its own (issue 15).
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { parseFrontMatter } from '../../src/load/front-matter.ts'
import type { Page, StaticFile } from '../../src/load/types.ts'
import { outlineCourse } from '../../src/model/outline-course.ts'

function page(file: string, front: string): Page {
  const { page } = parseFrontMatter({ path: file, text: `---\n${front}\n---\nBody\n` })
  assert.ok(page, file)
  return page
}

const COURSE = [page('index.md', 'title: I\nclass: index'), page('s1.md', 'title: S\nclass: section\nserial: 1')]
const stat = (path: string): StaticFile => ({ path, absPath: `/nowhere/${path}` })
const problems = (pages: Page[], statics: StaticFile[]) =>
  outlineCourse(pages, statics, 'c').diagnostics.map((d) => [d.code, d.file, d.line, d.message])

test('a static file where a page needs its folder is a clash naming both files', () => {
  assert.deepEqual(problems(COURSE, [stat('s1')]), [
    [
      'site/path-clash',
      's1',
      0,
      's1 clashes with s1.md (written as s1/index.html): one would be written where the other needs a file or a folder of the same name.',
    ],
  ])
})

test('a static folder where a page is written is a clash naming both files', () => {
  const [d] = outlineCourse(COURSE, [stat('s1/index.html/a.png')], 'c').diagnostics
  assert.equal(d!.code, 'site/path-clash')
  assert.equal(d!.file, 's1/index.html/a.png')
  assert.match(d!.message, /clashes with s1\.md \(written as s1\/index\.html\)/)
  assert.match(d!.hint!, /Rename or move s1\/index\.html\/a\.png or s1\.md\./)
})

test('a static file at a page’s own path, or among coursemark’s assets, is a clash', () => {
  assert.deepEqual(
    problems(COURSE, [stat('s1/index.html'), stat('assets/coursemark.x.js'), stat('assets')]).map((p) => p[1]),
    ['s1/index.html', 'assets/coursemark.x.js', 'assets'],
  )
})

test('two pages whose outputs nest are a clash', () => {
  const deep = page('s1/index.html.md', 'title: D\nclass: section\nserial: 2')
  assert.deepEqual(
    problems([...COURSE, deep], []).map((p) => [p[0], p[1]]),
    [['site/path-clash', 's1/index.html.md']],
  )
})

test('files beside and under a page’s folder do not clash', () => {
  assert.deepEqual(problems(COURSE, [stat('s1/picture.png'), stat('img/a.png'), stat('assets/logo.svg')]), [])
})

test('a page whose file name holds # or ? is an error: it could not be reached at its address', () => {
  const odd = page('a#b.md', 'title: O\nclass: section\nserial: 2')
  assert.deepEqual(
    problems([...COURSE, odd], []).map((p) => [p[0], p[1]]),
    [['course/bad-file-name', 'a#b.md']],
  )
})
