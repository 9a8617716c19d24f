/**
 * `coursemark build` on courses with one mistake each: every case must print a
 * diagnostic naming file:line:column with a hint, exit 1, write nothing, and
 * print no stack trace.
 */
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { test } from 'node:test'
import { cli, item, tempPath, validCourse, writeCourse } from '../helpers/course.ts'

const section = (body: string, front = 'title: S\nclass: section\nserial: 2') => `---\n${front}\n---\n${body}`
const bank = (...items: string[]) => items.map((i) => `- ${i}`).join('\n')
const four = bank(item('A.', 'Y', 'a'), item('B.', 'N', 'b'), item('C.', 'Y', 'c'), item('D.', 'N', 'd'))

interface Case {
  name: string
  files: Record<string, string | null>
  /** `file:line:column: error: …` prefix and a fragment of the message. */
  expect: [where: string, fragment: string][]
}

const cases: Case[] = [
  {
    name: 'invalid YAML in front matter',
    files: { 's1.md': '---\ntitle: [unclosed\nclass: section\n---\nText\n' },
    expect: [['s1.md:3:1', 'not valid YAML']],
  },
  {
    name: 'front matter never closed',
    files: { 's1.md': '---\ntitle: S\nclass: section\nserial: 2\nText\n' },
    expect: [['s1.md:1:1', 'never closed']],
  },
  { name: 'no front matter', files: { 's1.md': 'Just text.\n' }, expect: [['s1.md:1:1', 'no front matter']] },
  {
    name: 'missing serial',
    files: { 's1.md': section('Text\n', 'title: S\nclass: section') },
    expect: [['s1.md:1:1', 'has no `serial`']],
  },
  {
    name: 'non-integer serial',
    files: { 's1.md': section('Text\n', 'title: S\nclass: section\nserial: 2.5') },
    expect: [['s1.md:4:9', 'must be a whole number, not 2.5']],
  },
  {
    name: 'serial written as text',
    files: { 's1.md': section('Text\n', 'title: S\nclass: section\nserial: "two"') },
    expect: [['s1.md:4:9', 'not "two"']],
  },
  {
    name: 'duplicate serial',
    files: { 's2.md': section('Text\n', 'title: T\nclass: section\nserial: 2') },
    expect: [['s2.md:4:1', 'serial 2 is also used by s1.md']],
  },
  {
    name: 'unknown class',
    files: { 's1.md': section('Text\n', 'title: S\nclass: lesson\nserial: 2') },
    expect: [['s1.md:3:8', 'Unknown class "lesson"']],
  },
  { name: 'no index page', files: { 'index.md': null }, expect: [['', 'The course has no index page']] },
  {
    name: 'two index pages',
    files: { 'home.md': '---\ntitle: Home\nclass: index\n---\nHi\n' },
    expect: [['index.md:1:1', 'A second index page: home.md is already the index']],
  },
  {
    name: 'attribute list that does not parse',
    files: { 's1.md': section('Para\n{: .ok data-x=unquoted}\n') },
    expect: [['s1.md:7:15', 'must be in quotes']],
  },
  {
    name: 'attribute list with nothing to attach to',
    files: { 's1.md': section('Para\n\n{: .lonely}\n\nMore\n') },
    expect: [['s1.md:8:1', 'has nothing to attach to']],
  },
  {
    name: 'data-n that is not a whole number',
    files: { 's1.md': section(`Quiz:\n{: data-n="six"}\n\n${four}\n`) },
    expect: [['s1.md:7:3', 'data-n must be a whole number, not "six"']],
  },
  {
    name: 'data-n larger than its bank',
    files: { 's1.md': section(`Quiz:\n{: data-n="5"}\n\n${four}\n`) },
    expect: [['s1.md:7:3', 'data-n is 5 but the bank has only 4 statements']],
  },
  {
    name: 'quiz paragraph with no list after it',
    files: { 's1.md': section('Quiz:\n{: data-n="2"}\n\nNo list here.\n') },
    expect: [['s1.md:7:3', 'has no list of statements after it']],
  },
  {
    name: 'bank item that is not base64',
    files: { 's1.md': section(`Quiz:\n{: data-n="1"}\n\n- not base64!\n- ${item('A.', 'Y', 'a')}\n`) },
    expect: [['s1.md:9:3', 'not valid base64']],
  },
  {
    name: 'bank item that is not UTF-8',
    files: {
      's1.md': section(
        `Quiz:\n{: data-n="1"}\n\n- ${Buffer.from([0xff, 0xfe, 0x41, 0x2f, 0x59, 0x2f, 0x78]).toString('base64')}\n- ${item('A.', 'Y', 'a')}\n`,
      ),
    },
    expect: [['s1.md:9:3', 'not UTF-8']],
  },
  {
    name: 'bank item that is not statement/Y|N/explanation',
    files: {
      's1.md': section(
        `Quiz:\n{: data-n="1"}\n\n- ${Buffer.from('Just a sentence').toString('base64')}\n- ${item('A.', 'Y', 'a')}\n`,
      ),
    },
    expect: [['s1.md:9:3', 'decodes to "Just a sentence"']],
  },
  {
    name: 'data-opt without exactly two labels',
    files: { 's1.md': section(`Quiz:\n{: data-n="2" data-opt="Yes,No,Maybe"}\n\n${four}\n`) },
    expect: [['s1.md:7:3', 'data-opt must name exactly two answers']],
  },
  {
    name: 'Liquid error',
    files: {
      'index.md':
        '---\ntitle: T\nclass: index\n---\nLine one\n\n{% for p in site.pages %}{{ p.title | nosuchfilter }}{% endfor %}\n',
    },
    expect: [['index.md:7:', 'Liquid error']],
  },
]

for (const c of cases) {
  test(`build reports ${c.name} with its place and a hint, exits 1 and writes nothing`, () => {
    const dir = writeCourse(c.files, validCourse())
    const out = tempPath()
    const r = cli(['build', dir, '--out', out])
    assert.equal(r.code, 1, r.stderr)
    for (const [where, fragment] of c.expect) {
      const line = r.stderr.split('\n').find((l) => l.includes(fragment))
      assert.ok(line, `expected "${fragment}" in:\n${r.stderr}`)
      if (where) assert.ok(line.startsWith(`${where}`), `expected the diagnostic at ${where}, got: ${line}`)
    }
    assert.match(r.stderr, /hint: /)
    assert.match(r.stderr, /Build failed: \d+ errors?/)
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace for an author mistake')
    assert.equal(existsSync(out), false, 'nothing written')
  })
}

test('build reports every error in one run, not just the first', () => {
  const dir = writeCourse(
    {
      's1.md': section(`Quiz:\n{: data-n="9" data-opt="Only"}\n\n- %%%\n- ${item('A.', 'Y', 'a')}\n`),
      's2.md': section('Text\n', 'title: T\nclass: chapter\nserial: 2'),
      's3.md': section('Text\n', 'title: U\nclass: nonsense\nserial: 3'),
    },
    validCourse(),
  )
  const r = cli(['build', dir, '--out', tempPath()])
  assert.equal(r.code, 1)
  for (const fragment of ['serial 2 is also used by s1.md', 'Unknown class "nonsense"'])
    assert.ok(r.stderr.includes(fragment), `${fragment} in\n${r.stderr}`)
  assert.match(r.stderr, /Build failed: 2 errors/)
})

test('build reports every quiz problem of a page together', () => {
  const dir = writeCourse(
    { 's1.md': section(`Quiz:\n{: data-n="9" data-opt="Only"}\n\n- %%%\n- ${item('A.', 'Y', 'a')}\n`) },
    validCourse(),
  )
  const r = cli(['build', dir, '--out', tempPath()])
  assert.equal(r.code, 1)
  for (const fragment of [
    'data-opt must name exactly two answers',
    'not valid base64',
    'data-n is 9 but the bank has only 2 statements',
  ]) {
    assert.ok(r.stderr.includes(fragment), `${fragment} in\n${r.stderr}`)
  }
  assert.match(r.stderr, /Build failed: 3 errors/)
})

test('a diagnostic shows the source line with a caret under the spot', () => {
  const dir = writeCourse({ 's1.md': section('Para\n{: .ok data-x=unquoted}\n') }, validCourse())
  const r = cli(['build', dir, '--out', tempPath()])
  assert.ok(r.stderr.includes('  7 | {: .ok data-x=unquoted}\n    |               ^\n'), r.stderr)
})
