/**
 * `coursemark quiz decode` and `quiz encode` as processes: the readable form
 * they print and read, the byte-for-byte round trip over the sample course,
 * backups, --dry-run, and problems in readable items.
 */
import assert from 'node:assert/strict'
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { cli, item, ROOT, tempPath, validCourse, writeCourse } from '../helpers/course.ts'
import { siteTree, splitByHeaders } from '../helpers/site-tree.ts'
import { tempDir } from '../helpers/temp.ts'

const EXAMPLE = join(ROOT, 'example')
const section = (body: string) => `---\ntitle: S\nclass: section\nserial: 2\n---\n${body}`

/** A copy of the sample course in a temporary folder. */
function sampleCopy(): string {
  const dir = join(tempDir('cm-quiz-'), 'example')
  cpSync(EXAMPLE, dir, { recursive: true })
  return dir
}

test('quiz decode prints the page with each statement readable, its answer and why below it', () => {
  const r = cli(['quiz', 'decode', join(EXAMPLE, 'what-a-listener-does.md')])
  assert.equal(r.code, 0, r.stderr)
  assert.equal(r.stderr, '')
  const original = readFileSync(join(EXAMPLE, 'what-a-listener-does.md'), 'utf8')
  // Everything before the bank is as it was.
  const bank = original.indexOf('\n- ') + 1
  assert.equal(r.stdout.slice(0, bank), original.slice(0, bank))
  assert.ok(
    r.stdout.includes(
      '\n- “That sounds exhausting. Tell me more about it.”\n  - Yes: It acknowledges the feeling and invites the caller to go on.\n',
    ),
    r.stdout,
  )
  assert.ok(r.stdout.includes('\n- “Everything happens for a reason.”\n  - No: It brushes the feeling aside.\n'))
})

test('quiz decode then quiz encode gives back every base64 page of the sample course byte for byte, and encode then decode every readable one', () => {
  const dir = sampleCopy()
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => join(dir, f))
  const originals = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]))
  const readable = files.filter((f) => /\n {2}- (True|False|Yes|No)\b/.test(originals.get(f)!))
  assert.deepEqual(
    readable.map((f) => f.slice(dir.length + 1)),
    ['reflecting-feelings.md'],
    'the sample course shows the readable form once',
  )

  // Readable to base64 and back.
  const encodedFirst = cli(['quiz', 'encode', ...readable])
  assert.equal(encodedFirst.code, 0, encodedFirst.stderr)
  assert.doesNotMatch(readFileSync(readable[0]!, 'utf8'), /\n {2}- Yes/)
  const back = cli(['quiz', 'decode', ...readable])
  assert.equal(back.stdout, originals.get(readable[0]!))
  writeFileSync(readable[0]!, back.stdout)

  // Base64 to readable and back, every page at once.
  const decoded = cli(['quiz', 'decode', ...files])
  assert.equal(decoded.code, 0, decoded.stderr)
  assert.equal(decoded.stderr, '', 'every item of the sample course decodes')
  for (const [file, text] of splitByHeaders(decoded.stdout, files)) writeFileSync(file, text)
  const backups = files.filter((f) => !readable.includes(f))
  const encoded = cli(['quiz', 'encode', ...backups])
  assert.equal(encoded.code, 0, encoded.stderr)
  let items = 0
  for (const file of backups) {
    assert.equal(readFileSync(file, 'utf8'), originals.get(file), file)
    const said = encoded.stdout.split('\n').find((l) => l.startsWith(`${file}: `))!
    const m = /: encoded (\d+) readable items? \(backup: (.+)\)\.$/.exec(said)
    if (!m) {
      assert.equal(said, `${file}: no readable items to encode; left as it was.`)
      assert.equal(existsSync(`${file}.bak`), false)
      continue
    }
    items += Number(m[1])
    assert.equal(m[2], `${file}.bak`)
    assert.notEqual(readFileSync(`${file}.bak`, 'utf8'), originals.get(file), 'the backup holds the readable page')
  }
  assert.equal(items, 30)
})

test('a sample course with readable banks builds the very same site', () => {
  const dir = sampleCopy()
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => join(dir, f))
  for (const [file, text] of splitByHeaders(cli(['quiz', 'decode', ...files]).stdout, files)) writeFileSync(file, text)
  const a = tempPath()
  const b = tempPath()
  assert.equal(cli(['build', EXAMPLE, '--out', a]).code, 0)
  assert.equal(cli(['build', dir, '--out', b]).code, 0)
  assert.deepEqual(siteTree(b), siteTree(a))
})

test('quiz encode --dry-run prints the encoded page and writes nothing', () => {
  const plain = section('Quiz:\n{: data-n="1"}\n\n- Tea is hot.\n  - True: Usually.\n- Ice is hot.\n  - False\n')
  const dir = writeCourse({ 's1.md': plain }, validCourse())
  const r = cli(['quiz', 'encode', '--dry-run', join(dir, 's1.md')])
  assert.equal(r.code, 0, r.stderr)
  assert.equal(
    r.stdout,
    section(`Quiz:\n{: data-n="1"}\n\n- ${item('Tea is hot.', 'Y', 'Usually.')}\n- ${item('Ice is hot.', 'N', '')}\n`),
  )
  assert.equal(readFileSync(join(dir, 's1.md'), 'utf8'), plain)
  assert.equal(existsSync(join(dir, 's1.md.bak')), false)
})

test('quiz encode will not replace an existing backup, and then changes nothing', () => {
  const plain = section('Quiz:\n{: data-n="1"}\n\n- Tea is hot.\n  - True: Usually.\n')
  const dir = writeCourse({ 's1.md': plain, 's1.md.bak': 'an older backup' }, validCourse())
  const r = cli(['quiz', 'encode', join(dir, 's1.md')])
  assert.equal(r.code, 1)
  assert.equal(
    r.stderr,
    `coursemark: ${join(dir, 's1.md.bak')} already exists, so ${join(dir, 's1.md')} was not changed.\n  hint: Move the old backup away, or see the result first with --dry-run.\n`,
  )
  assert.equal(readFileSync(join(dir, 's1.md'), 'utf8'), plain)
  assert.equal(readFileSync(join(dir, 's1.md.bak'), 'utf8'), 'an older backup')
})

test('quiz encode reports every problem of the readable items at its place and changes nothing', () => {
  const plain = section(
    'Quiz:\n{: data-n="1" data-opt="Yes,No"}\n\n- Tea is hot.\n  - True: Usually.\n- Say Y/N/maybe.\n  - Yes\n- Ice is cold.\n  - No: yes\n',
  )
  const dir = writeCourse({ 's1.md': plain }, validCourse())
  const r = cli(['quiz', 'encode', 's1.md'], { cwd: dir })
  assert.equal(r.code, 1)
  assert.equal(r.stdout, '')
  assert.equal(
    r.stderr,
    `s1.md:10:5: error: The answer line must start with "Yes" or "No", not "True: Usually.". [quiz/readable-bad-answer]
  10 |   - True: Usually.
     |     ^
  hint: Write \`- Yes: why\` when the statement is right, or \`- No: why\` when it is wrong (data-opt sets the two answers).

s1.md:11:3: error: The statement holds "/N/", which its base64 form uses to separate the answer. [quiz/readable-slash]
  11 | - Say Y/N/maybe.
     |   ^
  hint: Reword it, or put spaces around the slash.

s1.md: not changed.
`,
  )
  assert.equal(readFileSync(join(dir, 's1.md'), 'utf8'), plain)
  assert.equal(existsSync(join(dir, 's1.md.bak')), false)
})

test('build reports a problem in a readable item at its place, like check', () => {
  const dir = writeCourse(
    { 's1.md': section('Quiz:\n{: data-n="1"}\n\n- Tea is hot.\n  - Hot: yes\n- Ice is cold.\n  - True\n') },
    validCourse(),
  )
  const r = cli(['build', dir, '--out', tempPath()])
  assert.equal(r.code, 1)
  assert.match(
    r.stderr,
    /^s1\.md:10:5: error: The answer line must start with "True" or "False", not "Hot: yes"\. \[quiz\/readable-bad-answer\]$/m,
  )
})

test('quiz encode leaves a page without readable items alone, and keeps CRLF line ends', () => {
  const dir = writeCourse(
    {
      'b64.md': section(`Quiz:\n{: data-n="1"}\n\n- ${item('A.', 'Y', 'a')}\n`),
      'crlf.md': section('Quiz:\n{: data-n="1"}\n\n- Tea is hot.\n  - True: Usually.\n').replace(/\n/g, '\r\n'),
    },
    validCourse(),
  )
  const r = cli(['quiz', 'encode', 'b64.md', 'crlf.md'], { cwd: dir })
  assert.equal(r.code, 0, r.stderr)
  assert.equal(
    r.stdout,
    'b64.md: no readable items to encode; left as it was.\ncrlf.md: encoded 1 readable item (backup: crlf.md.bak).\n',
  )
  assert.equal(existsSync(join(dir, 'b64.md.bak')), false)
  assert.equal(
    readFileSync(join(dir, 'crlf.md'), 'utf8'),
    section(`Quiz:\n{: data-n="1"}\n\n- ${item('Tea is hot.', 'Y', 'Usually.')}\n`).replace(/\n/g, '\r\n'),
  )
  const back = cli(['quiz', 'decode', 'crlf.md'], { cwd: dir })
  assert.equal(back.stdout, readFileSync(join(dir, 'crlf.md.bak'), 'utf8'))
})

test('quiz decode and encode read front matter that needs the full YAML parser', () => {
  const page = `---\ntitle: S\nclass: section\nserial: 2\ntags:\n  - a\n  - b\n---\nQuiz:\n{: data-n="1"}\n\n- ${item('Tea is hot.', 'Y', 'Usually.')}\n`
  const dir = writeCourse({ 's1.md': page }, validCourse())
  const decoded = cli(['quiz', 'decode', 's1.md'], { cwd: dir })
  assert.equal(decoded.code, 0, decoded.stderr)
  assert.match(decoded.stdout, /\n- Tea is hot\.\n {2}- True: Usually\.\n$/)
  writeFileSync(join(dir, 's1.md'), decoded.stdout)
  assert.equal(cli(['quiz', 'encode', 's1.md'], { cwd: dir }).code, 0)
  assert.equal(readFileSync(join(dir, 's1.md'), 'utf8'), page)
})

test('quiz decode keeps an item it cannot show exactly in base64, with a note', () => {
  const twoLines = item('Two\nlines.', 'Y', 'why')
  const page = section(`Quiz:\n{: data-n="1"}\n\n- ${twoLines}\n- ${item('One line.', 'N', 'why')}\n`)
  const dir = writeCourse({ 's1.md': page }, validCourse())
  const r = cli(['quiz', 'decode', 's1.md'], { cwd: dir })
  assert.equal(r.code, 0)
  assert.equal(r.stdout, section(`Quiz:\n{: data-n="1"}\n\n- ${twoLines}\n- One line.\n  - False: why\n`))
  assert.match(
    r.stderr,
    /^s1\.md:9:3: note: This item stays in base64: the readable form would not encode back to exactly the same text\. \[quiz\/kept-base64\]$/m,
  )
})

test('quiz is used as quiz decode|encode FILE…; anything else exits 2', () => {
  for (const args of [
    ['quiz'],
    ['quiz', 'frob', 'x.md'],
    ['quiz', 'encode'],
    ['quiz', 'decode', '--dry-run', 'x.md'],
  ]) {
    const r = cli(args)
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`)
    assert.match(r.stderr, /^coursemark: /)
  }
  const missing = cli(['quiz', 'decode', join(ROOT, 'no-such-page.md')])
  assert.equal(missing.code, 1)
  assert.match(missing.stderr, /no-such-page\.md cannot be read \(ENOENT\)/)
  assert.match(
    cli(['quiz', '--help']).stdout,
    /^Usage: coursemark quiz decode FILE…\n {7}coursemark quiz encode \[--dry-run\] FILE…/,
  )
})

test('quiz decode and encode answer in the course’s language: the index’s lang, or the page’s own', () => {
  const frIndex = '---\ntitle: Cours\nclass: index\ncourse_id: cours\nlang: fr\n---\nBienvenue.\n'
  const dir = writeCourse({ 'index.md': frIndex }, validCourse())
  const decoded = cli(['quiz', 'decode', join(dir, 's1.md')])
  assert.equal(decoded.code, 0, decoded.stderr)
  assert.ok(decoded.stdout.includes('- Water is wet.\n  - Vrai: It is.\n'), decoded.stdout)
  assert.ok(decoded.stdout.includes('- Fire is cold.\n  - Faux: It is hot.\n'), decoded.stdout)

  writeFileSync(join(dir, 's1.md'), decoded.stdout)
  const encoded = cli(['quiz', 'encode', '--dry-run', join(dir, 's1.md')])
  assert.equal(encoded.code, 0, encoded.stderr)
  assert.equal(encoded.stdout, validCourse()['s1.md'], 'back to the same base64, byte for byte')

  // A page in German within the French course answers in German.
  writeFileSync(join(dir, 's1.md'), decoded.stdout.replace('serial: 2\n', 'serial: 2\nlang: de\n'))
  const german = cli(['quiz', 'encode', '--dry-run', join(dir, 's1.md')])
  assert.equal(german.code, 1)
  assert.match(german.stderr, /The answer line must start with "Wahr" or "Falsch", not "Vrai: It is\."/)
})
