import assert from 'node:assert/strict'
import { before, test } from 'node:test'
import { pageId, parseFrontMatter } from '../../src/load/front-matter.ts'
import { readSimpleYaml } from '../../src/load/simple-yaml.ts'
import { loadYaml } from '../../src/load/yaml-fields.ts'

before(loadYaml)

const parse = (text: string, path = 'p.md') => parseFrontMatter({ path, text })

test('parseFrontMatter splits front matter from body and keeps the body line', () => {
  const { page, diagnostics } = parse(
    '---\nlayout: listen\ntitle: "Chapter 1: Start"\nclass: chapter\nserial: 3\n---\nBody\n',
  )
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
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.line, d.column]),
    [
      ['front-matter/missing-title', 2, 1],
      ['front-matter/unknown-class', 3, 8],
      ['front-matter/bad-serial', 4, 9],
      ['front-matter/bad-lang', 5, 7],
    ],
  )
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

test('the simple front matter reader agrees with YAML wherever it answers', async () => {
  const { parse: parseYaml } = await import('yaml')
  const fc = (await import('fast-check')).default
  const value = fc.oneof(
    fc.string(),
    fc.integer({ min: -1e6, max: 1e6 }).map(String),
    fc.constantFrom(
      'true',
      'null',
      '~',
      '1.5',
      '007',
      '0x1F',
      'yes',
      'a: b',
      'a #b',
      '-x',
      '"q"',
      "'s'",
      '"a\\"b"',
      'Chapter 2: Staying safe',
      '"Chapter 2: Staying safe"',
      '.inf',
      '',
    ),
  )
  fc.assert(
    fc.property(
      fc.dictionary(fc.constantFrom('title', 'class', 'serial', 'layout', 'x_y', 'a-b'), value, { maxKeys: 5 }),
      (fields) => {
        const lines = Object.entries(fields).map(([k, v]) => `${k}: ${v}`)
        const simple = readSimpleYaml(lines, 2)
        if (simple === null) return
        let expected: unknown
        try {
          expected = parseYaml(lines.join('\n')) ?? {}
        } catch {
          assert.fail(`the simple reader accepted what YAML rejects: ${JSON.stringify(lines)}`)
        }
        assert.deepEqual(simple.data, expected, JSON.stringify(lines))
      },
    ),
    { numRuns: 2000 },
  )
})

test('the simple reader leaves lists, comments and escapes to YAML', () => {
  for (const lines of [
    ['tags:', '  - a'],
    ['# note', 'title: x'],
    ['title: "a\\nb"'],
    ['title: x # comment'],
    ['title: yes: no'],
  ]) {
    assert.equal(readSimpleYaml(lines, 2), null, JSON.stringify(lines))
  }
})

test('a value of a million spaces is read at once, not in quadratic time (issue 15)', { timeout: 20_000 }, () => {
  const spaces = ' '.repeat(1_000_000)
  assert.deepEqual(readSimpleYaml([`title:${spaces}x${spaces}`], 2)?.data, { title: 'x' })
  assert.deepEqual(readSimpleYaml([`title:${spaces}`], 2)?.data, { title: null })
  assert.equal(readSimpleYaml([`title:${spaces}x\u2028`], 2), null, 'left to YAML, which decides about U+2028')
})

test('an alias to an anchor never defined is reported at the alias, not thrown (issue 15)', () => {
  const { page, diagnostics } = parse('---\ntitle: T\nclass: section\nserial: 1\nnote: *nope\n---\n')
  assert.equal(page, null)
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.line, d.column]),
    [['front-matter/bad-alias', 5, 7]],
  )
  assert.match(diagnostics[0]!.message, /`\*nope` refers to an anchor `&nope` that is not defined/)
})

test('a "billion laughs" of aliases is refused at the field that expands, not expanded (issue 15)', () => {
  const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
  for (const [prev, name] of [...'abcdefgh'].slice(0, -1).map((c, i) => [c, 'bcdefgh'[i]!])) {
    levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`)
  }
  const { page, diagnostics } = parse(`---\ntitle: T\nclass: section\nserial: 1\n${levels.join('\n')}\n---\n`)
  assert.equal(page, null)
  assert.equal(diagnostics.length, 1)
  assert.equal(diagnostics[0]!.code, 'front-matter/bad-alias')
  assert.ok(diagnostics[0]!.line > 5 && diagnostics[0]!.line <= 12, `line ${diagnostics[0]!.line}`)
  assert.match(diagnostics[0]!.hint ?? '', /Write the values out/)
})

test('a few aliases are read as YAML reads them', () => {
  const { page, diagnostics } = parse('---\ntitle: &t Hello\nclass: section\nserial: 1\nalt: *t\n---\n')
  assert.deepEqual(diagnostics, [])
  assert.equal(page!.front.data['alt'], 'Hello')
})

test('a serial beyond 2^53, which could not be kept exactly, is an error at the serial (issue 15)', () => {
  for (const serial of ['9007199254740993', '1e300', '123456789012345678901234567890']) {
    const { page, diagnostics } = parse(`---\ntitle: T\nclass: section\nserial: ${serial}\n---\n`)
    assert.equal(page, null, serial)
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.line, d.column, d.message]),
      [['front-matter/bad-serial', 4, 9, '`serial` is too large to be kept exactly.']],
      serial,
    )
  }
  const { diagnostics } = parse(`---\ntitle: T\nclass: section\nserial: ${Number.MAX_SAFE_INTEGER}\n---\n`)
  assert.deepEqual(diagnostics, [])
})

test('front matter nested too deeply for the YAML parser is one error at its start, wherever the stack ran out', () => {
  const deep = `---\ntitle: T\nclass: section\nserial: 1\nx: ${'['.repeat(5000)}\n---\n`
  const { page, diagnostics } = parse(deep)
  assert.equal(page, null)
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.line, d.column, d.message]),
    [
      [
        'front-matter/invalid-yaml',
        2,
        1,
        'The front matter is not valid YAML: values are nested too deeply to be read',
      ],
    ],
  )
})
