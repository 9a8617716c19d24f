/**
 * `coursemark check` as a process: one small course per warning
 * (test/fixtures/check/), with the
 * exact text an author sees and the same diagnostic in the JSON document;
 * errors and notes from the build; exit codes; nothing written.
 */
import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { test } from 'node:test'
import { cli, fixtureCases, item, ROOT, readFixture, validCourse, writeCourse } from '../helpers/course.ts'

const section = (body: string, front = 'title: S\nclass: section\nserial: 2') => `---\n${front}\n---\n${body}`

// Each case is test/fixtures/check/<case>/: course/ holds the files it writes
// over the valid course, expected.txt the whole of what check prints.
const cases = fixtureCases('check').map((c) => ({
  name: c.name,
  files: readFixture(join(c.dir, 'course')),
  text: readFileSync(join(c.dir, 'expected.txt'), 'utf8'),
}))

for (const c of cases) {
  test(`check warns about ${c.name}, with its place, the source line and a hint, and exits 0`, () => {
    const dir = writeCourse(c.files, validCourse())
    const before = readdirSync(dir).sort()
    const r = cli(['check', dir])
    assert.equal(r.code, 0, r.stdout + r.stderr)
    assert.equal(r.stdout, c.text)
    assert.equal(r.stderr, '')
    assert.deepEqual(readdirSync(dir).sort(), before, 'check writes nothing')
  })

  test(`check --format json reports ${c.name} as the same diagnostics`, () => {
    const dir = writeCourse(c.files, validCourse())
    const r = cli(['check', dir, '--format', 'json'])
    assert.equal(r.code, 0, r.stderr)
    const doc = JSON.parse(r.stdout) as {
      version: number
      root: string
      ok: boolean
      pages: number
      counts: Record<string, number>
      diagnostics: {
        severity: string
        code: string
        message: string
        file: string
        line: number
        column: number
        hint?: string
      }[]
    }
    assert.equal(doc.version, 1)
    assert.equal(doc.root, dir)
    assert.equal(doc.ok, true)
    const heads = [...c.text.matchAll(/^(\S+?):(\d+):(\d+): (\w+): (.*) \[([\w/-]+)\]$/gm)]
    assert.ok(heads.length > 0)
    assert.deepEqual(
      doc.diagnostics.map((d) => [d.file, d.line, d.column, d.severity, d.message, d.code]),
      heads.map((m) => [m[1], Number(m[2]), Number(m[3]), m[4], m[5], m[6]]),
    )
    assert.ok(doc.diagnostics.every((d) => d.hint))
    assert.deepEqual(doc.counts, { error: 0, warning: heads.length, note: 0 })
  })
}

test('check --strict fails on warnings alone', () => {
  const dir = writeCourse(cases[0]!.files, validCourse())
  const r = cli(['check', dir, '--strict'])
  assert.equal(r.code, 1)
  assert.match(r.stdout, /\nChecked 3 pages: 1 warning \(--strict: warnings fail the check\)\.\n$/)
  const json = cli(['check', dir, '--strict', '--format', 'json'])
  assert.equal(json.code, 1)
  assert.equal((JSON.parse(json.stdout) as { ok: boolean }).ok, false)
})

test('check reports what build rejects, exits 1, and writes nothing', () => {
  const dir = writeCourse(
    { 's1.md': section(`Quiz:\n{: data-n="5"}\n\n- ${item('A.', 'Y', 'a')}\n- Water is wet.\n  - Maybe: who knows\n`) },
    validCourse(),
  )
  const before = readdirSync(dir).sort()
  const r = cli(['check', dir])
  assert.equal(r.code, 1)
  assert.equal(
    r.stdout,
    `s1.md:7:3: error: data-n is 5 but the bank has only 2 statements. [quiz/n-exceeds-bank]
  7 | {: data-n="5"}
    |   ^
  hint: Lower data-n to 2 or fewer, or add statements to the bank.

s1.md:11:5: error: The answer line must start with "True" or "False", not "Maybe: who knows". [quiz/readable-bad-answer]
  11 |   - Maybe: who knows
     |     ^
  hint: Write \`- True: why\` when the statement is right, or \`- False: why\` when it is wrong (data-opt sets the two answers).

Checked 3 pages: 2 errors.
`,
  )
  assert.deepEqual(readdirSync(dir).sort(), before)
  const json = JSON.parse(cli(['check', dir, '--format', 'json']).stdout) as {
    ok: boolean
    counts: Record<string, number>
  }
  assert.equal(json.ok, false)
  assert.deepEqual(json.counts, { error: 2, warning: 0, note: 0 })
})

test('check shows the notes a build prints, and notes alone exit 0 even with --strict', () => {
  const index = '---\ntitle: Index\nclass: index\ncourse_id: t\n---\nIntro.\n\n<script>\nlegacy()\n</script>\n'
  const r = cli(['check', writeCourse({ 'index.md': index }, validCourse()), '--strict'])
  assert.equal(r.code, 0)
  assert.match(
    r.stdout,
    /^index\.md:8:1: note: Removed a <script> written for the old runtime; .* \[legacy\/script-removed\]$/m,
  )
  assert.match(r.stdout, /\nChecked 3 pages: 1 note\.\n$/)
})

test('check suggests the page a misspelt link meant, relative to the linking page', () => {
  const dir = writeCourse(
    { 'part/s3.md': section('Back to [the chapter](../chl.md).\n', 'title: T\nclass: section\nserial: 3') },
    validCourse(),
  )
  const r = cli(['check', dir])
  assert.match(
    r.stdout,
    /^part\/s3\.md:6:23: warning: This link points to chl\.md, which is not a page of the course\. \[link\/missing-page\]\n.*\n.*\n {2}hint: Did you mean \.\.\/ch1\.md\? Link to the file/m,
  )
})

test('check --base lets absolute links to the served site resolve', () => {
  const dir = writeCourse(
    { 's1.md': section('Back to [the index](/course/) or [chapter one](/course/ch1/).\n') },
    validCourse(),
  )
  assert.match(cli(['check', dir]).stdout, /2 warnings/)
  const r = cli(['check', dir, '--base', '/course/'])
  assert.equal(r.code, 0)
  assert.equal(r.stdout, 'Checked 3 pages: no problems found.\n')
})

test('the sample course checks clean', () => {
  const r = cli(['check', join(ROOT, 'example'), '--strict'])
  assert.equal(r.code, 0, r.stdout)
  assert.equal(r.stdout, 'Checked 11 pages: no problems found.\n')
})

test('check exits 2 on bad usage and 1 on a folder that is not a course', () => {
  for (const args of [
    ['check', '--format', 'xml'],
    ['check', 'a', 'b'],
    ['check', '--nope'],
  ]) {
    const r = cli(args)
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`)
    assert.match(r.stderr, /^coursemark: /)
  }
  const r = cli(['check', join(ROOT, 'no-such-course')])
  assert.equal(r.code, 1)
  assert.match(r.stdout, /error: The course folder .* does not exist\. \[load\/no-course\]/)
})

test('check warns when the index has no course_id, naming the default and how to pin it', () => {
  const dir = writeCourse(
    { 'index.md': '---\ntitle: Test course\nclass: index\noffline: "no"\n---\nWelcome.\n' },
    validCourse(),
  )
  const r = cli(['check', dir])
  assert.equal(r.code, 0, r.stdout + r.stderr)
  const folder = basename(dir)
  assert.ok(
    r.stdout.includes(
      `index.md:1:1: warning: The index has no course_id, so learners' progress is stored under the course folder's name, "${folder}". [course/no-id]`,
    ),
    r.stdout,
  )
  assert.ok(r.stdout.includes(`hint: Add \`course_id: ${folder}\` to the index's front matter`), r.stdout)
  assert.match(
    r.stdout,
    /index\.md:4:1: warning: offline is "no", not true or false, so the course is kept offline\. \[course\/offline-value\]/,
  )
})
