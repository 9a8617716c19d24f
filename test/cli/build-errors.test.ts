/**
 * `coursemark build` on courses with one mistake each (test/fixtures/build-errors/): every case must print a
 * diagnostic naming file:line:column with a hint, exit 1, write nothing, and
 * print no stack trace.
 */
import assert from 'node:assert/strict'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { cli, fixtureCases, item, readFixture, tempPath, validCourse, writeCourse } from '../helpers/course.ts'

const section = (body: string, front = 'title: S\nclass: section\nserial: 2') => `---\n${front}\n---\n${body}`

/** What test/fixtures/build-errors/<case>/expected.json holds. */
interface Expected {
  /** Files of the valid course the case removes. */
  removed?: string[]
  /** `file:line:column` prefix of each diagnostic (empty when no file is involved) and a fragment of its message. */
  diagnostics: { where: string; fragment: string }[]
}

// Each case is test/fixtures/build-errors/<case>/: course/ holds the files it
// writes over the valid course, expected.json what build must report.
for (const c of fixtureCases('build-errors')) {
  test(`build reports ${c.name} with its place and a hint, exits 1 and writes nothing`, () => {
    const expected = JSON.parse(readFileSync(join(c.dir, 'expected.json'), 'utf8')) as Expected
    const removed = Object.fromEntries((expected.removed ?? []).map((file) => [file, null]))
    const dir = writeCourse({ ...readFixture(join(c.dir, 'course')), ...removed }, validCourse())
    const out = tempPath()
    const r = cli(['build', dir, '--out', out])
    assert.equal(r.code, 1, r.stderr)
    for (const { where, fragment } of expected.diagnostics) {
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
  for (const fragment of ['serial 2 is also used by s1.md', 'Unknown class "nonsense"', 'not valid base64'])
    assert.ok(r.stderr.includes(fragment), `${fragment} in\n${r.stderr}`)
  // s1.md's three quiz errors are found even though the outline has errors (issue 15).
  assert.match(r.stderr, /Build failed: 5 errors/)
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

test('build and check refuse a page that is not UTF-8 or over 2 MB, naming it, and exit 1 (issue 15)', () => {
  const dir = writeCourse({}, validCourse())
  writeFileSync(join(dir, 'ch1.md'), Buffer.from('---\ntitle: Caf\xe9\nclass: chapter\nserial: 1\n---\n', 'latin1'))
  writeFileSync(join(dir, 'log.md'), Buffer.alloc(10 * 1024 * 1024 + 1, 'x'))
  const out = tempPath()
  for (const r of [cli(['build', dir, '--out', out]), cli(['check', dir])]) {
    const text = r.stderr + r.stdout
    assert.equal(r.code, 1, text)
    assert.match(text, /^ch1\.md:2:11: error: ch1\.md is not UTF-8 text/m)
    assert.match(text, /^log\.md: error: log\.md is 10 MB; a page may be at most 2 MB\./m)
    assert.doesNotMatch(text, /\n\s+at /)
  }
  assert.equal(existsSync(out), false)
})

test('build and check both find a file where a page needs a folder, naming both files (issue 15)', () => {
  const dir = writeCourse(
    { s1: 'a file named like the page', 'ch1/index.html/x.txt': 'a folder named like its output' },
    validCourse(),
  )
  const out = tempPath()
  for (const r of [cli(['build', dir, '--out', out]), cli(['check', dir])]) {
    const text = r.stderr + r.stdout
    assert.equal(r.code, 1, text)
    assert.match(text, /^s1: error: s1 clashes with s1\.md \(written as s1\/index\.html\)/m)
    assert.match(text, /^ch1\/index\.html\/x\.txt: error: .* clashes with ch1\.md/m)
    assert.doesNotMatch(text, /EISDIR|ENOTDIR|Cannot write/)
  }
  assert.equal(existsSync(out), false)
})

test('every page is still checked when the outline has errors: build and check report all (issue 15)', () => {
  const dir = writeCourse(
    {
      // serial 2 is s1.md's too: the course has no order.
      's2.md': section(`Quiz:\n{: data-n="9"}\n\n- ${item('A.', 'Y', 'a')}\n`),
      // Front matter that does not parse, over a body with its own mistakes.
      's3.md': `---\ntitle: [broken\nclass: section\nserial: 3\n---\nPara\n{: .x y}\n\nSee [gone](gone.md).\n\nQuiz:\n{: data-n="1"}\n\n- %%%\n`,
      's4.md': section('{% if %}\n', 'title: S4\nclass: section\nserial: 4'),
    },
    validCourse(),
  )
  const expected = [
    /^s2\.md:4:1: error: serial 2 is also used by s1\.md/m,
    /^s2\.md:7:3: error: data-n is 9 but the bank has only 1 statement/m,
    /^s3\.md:3:1: error: The front matter is not valid YAML/m,
    /^s3\.md:7:7: error: This attribute list does not parse/m,
    /^s3\.md:14:3: error: This bank item is not valid base64/m,
    /^s4\.md:6:\d+: error: Liquid error/m,
  ]
  const build = cli(['build', dir, '--out', tempPath()])
  const check = cli(['check', dir])
  for (const r of [build, check]) {
    assert.equal(r.code, 1)
    for (const re of expected) assert.match(r.stderr + r.stdout, re)
  }
  assert.match(build.stderr, /Build failed: 6 errors\./)
  assert.match(check.stdout, /^s3\.md:9:12: warning: This link points to gone\.md/m)
})

test('build and check find a course file where coursemark writes a folder of its own (issue 15)', () => {
  const dir = writeCourse({ 'completion-record': 'a file', 'coursemark-sw.js/x.txt': 'a folder' }, validCourse())
  const out = tempPath()
  for (const r of [cli(['build', dir, '--out', out]), cli(['check', dir])]) {
    const text = r.stderr + r.stdout
    assert.equal(r.code, 1, text)
    assert.match(text, /^completion-record: error: completion-record clashes with completion-record\/index\.html/m)
    assert.match(text, /^coursemark-sw\.js\/x\.txt: error: coursemark-sw\.js\/x\.txt clashes with coursemark-sw\.js/m)
    assert.doesNotMatch(text, /EISDIR|ENOTDIR|Cannot write/)
  }
  assert.equal(existsSync(out), false)
})
