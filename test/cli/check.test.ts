/**
 * `coursemark check` as a process: one small course per warning, with the
 * exact text an author sees and the same diagnostic in the JSON document;
 * errors and notes from the build; exit codes; nothing written.
 */
import assert from 'node:assert/strict'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { cli, item, ROOT, validCourse, writeCourse } from '../helpers/course.ts'

const section = (body: string, front = 'title: S\nclass: section\nserial: 2') => `---\n${front}\n---\n${body}`

interface Case {
  name: string
  files: Record<string, string | null>
  /** The whole of stdout. */
  text: string
}

const cases: Case[] = [
  {
    name: 'a statement repeated in a bank',
    files: {
      's1.md': section(
        'Quiz:\n{: data-n="2"}\n\n- Water is wet.\n  - True: It is.\n- Fire is hot.\n  - True: It is.\n- water is  wet.\n  - True: Still.\n- Ice is hot.\n  - False: Cold.\n',
      ),
    },
    text: `s1.md:13:3: warning: This statement repeats the one on line 9: "water is  wet.". [quiz/repeated-statement]
  13 | - water is  wet.
     |   ^
  hint: Remove one of the two, or reword it into a new statement: an attempt could show both.

Checked 3 pages: 1 warning.
`,
  },
  {
    name: 'an empty explanation',
    files: {
      's1.md': section('Quiz:\n{: data-n="1"}\n\n- Water is wet.\n  - True\n- Fire is cold.\n  - False: Hot.\n'),
    },
    text: `s1.md:9:3: warning: This statement has no explanation. [quiz/empty-explanation]
  9 | - Water is wet.
    |   ^
  hint: Say why the answer is right after it (\`statement/Y/why\`, or \`- True: why\`): a learner who gets it wrong is shown it.

Checked 3 pages: 1 warning.
`,
  },
  {
    name: 'a bank smaller than twice its data-n',
    files: {
      's1.md': section(
        `Quiz:\n{: data-n="3"}\n\n- ${item('A.', 'Y', 'a')}\n- ${item('B.', 'N', 'b')}\n- ${item('C.', 'Y', 'c')}\n- ${item('D.', 'N', 'd')}\n`,
      ),
    },
    text: `s1.md:7:3: warning: data-n is 3 but the bank has only 4 statements, fewer than twice that: a second attempt repeats at least 2 of the first. [quiz/small-bank]
  7 | {: data-n="3"}
    |   ^
  hint: Add 2 statements (6 in all), or lower data-n to 2.

Checked 3 pages: 1 warning.
`,
  },
  {
    name: 'a bank whose answers are all the same',
    files: { 's1.md': section('Quiz:\n{: data-n="1" data-opt="Yes,No"}\n\n- A?\n  - Yes: a\n- B?\n  - yes: b\n') },
    text: `s1.md:7:3: warning: The right answer to every statement in this bank is Yes: a learner who always answers Yes passes. [quiz/same-answers]
  7 | {: data-n="1" data-opt="Yes,No"}
    |   ^
  hint: Add statements whose right answer is No.

Checked 3 pages: 1 warning.
`,
  },
  {
    name: 'a gap in serial',
    files: { 's9.md': section('More.\n', 'title: Later\nclass: section\nserial: 5') },
    text: `s9.md:4:1: warning: serial jumps from 2 (s1.md) to 5: no page has serials 3 and 4. [course/serial-gap]
  4 | serial: 5
    | ^
  hint: Pages are ordered by serial, so a gap changes nothing for learners; but if a page is missing, add it, or renumber the pages.

Checked 4 pages: 1 warning.
`,
  },
  {
    name: 'links to pages and files the course lacks',
    files: {
      's1.md': section(
        'See [the intro](intro.md), [home](/), [gone](/gone/) and [notes](notes.pdf).\n\n[Chapter](ch1.md) and [web](https://example.org/x.md).\n',
      ),
    },
    text: `s1.md:6:17: warning: This link points to intro.md, which is not a page of the course. [link/missing-page]
  6 | See [the intro](intro.md), [home](/), [gone](/gone/) and [notes](notes.pdf).
    |                 ^
  hint: Link to the file of an existing page, as in \`[text](intro.md)\`; a relative path starts from the folder of this page's file.

s1.md:6:46: warning: This link points to /gone/, which is not a page of the course. [link/missing-page]
  6 | See [the intro](intro.md), [home](/), [gone](/gone/) and [notes](notes.pdf).
    |                                              ^
  hint: Link to the page's file instead, as in \`[text](intro.md)\`: the build turns it into the page's URL under /.

s1.md:6:66: warning: This link points to notes.pdf, which is not in the course folder. [link/missing-file]
  6 | See [the intro](intro.md), [home](/), [gone](/gone/) and [notes](notes.pdf).
    |                                                                  ^
  hint: Add the file, or fix the path: a relative path starts from the folder of this page's file.

Checked 3 pages: 3 warnings.
`,
  },
  {
    name: 'an image without alt text and an image whose file is missing',
    files: { 's1.md': section('![](img/a.png)\n\n![A chart](img/missing.png)\n'), 'img/a.png': 'png' },
    text: `s1.md:6:1: warning: This image has no alt text. [image/no-alt]
  6 | ![](img/a.png)
    | ^
  hint: Describe what it shows between the brackets, as in \`![A map of the building](map.png)\`: screen readers read it out instead of the image.

s1.md:8:1: warning: The image img/missing.png is not in the course folder. [image/missing-file]
  8 | ![A chart](img/missing.png)
    | ^
  hint: Add the file, or fix the path: a relative path starts from the folder of this page's file.

Checked 3 pages: 2 warnings.
`,
  },
  {
    name: 'a heading level that jumps',
    files: { 's1.md': section('## One\n\nText.\n\n#### Three\n\n### Two\n') },
    text: `s1.md:10:1: warning: This heading is level 4 (####) right after a level 2 heading on line 6: level 3 is skipped. [heading/skipped-level]
  10 | #### Three
     | ^
  hint: Make it ###, or put a level 3 heading before it.

Checked 3 pages: 1 warning.
`,
  },
]

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
  const index = '---\ntitle: Index\nclass: index\n---\nIntro.\n\n<script>\nlegacy()\n</script>\n'
  const r = cli(['check', writeCourse({ 'index.md': index }, validCourse()), '--strict'])
  assert.equal(r.code, 0)
  assert.match(
    r.stdout,
    /^index\.md:7:1: note: Removed a <script> written for the old runtime; .* \[legacy\/script-removed\]$/m,
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
