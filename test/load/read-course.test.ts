/**
 * Reading a course folder whatever it holds (issue 15): pages too large or
 * not UTF-8 are refused with their place, and symbolic links that leave the
 * course or loop are refused, not followed.
 */
import assert from 'node:assert/strict'
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { readCourse } from '../../src/load/read-course.ts'
import { firstInvalidUtf8, MAX_PAGE_BYTES } from '../../src/load/read-page-text.ts'
import { validCourse, writeCourse } from '../helpers/course.ts'

const problems = (dir: string) => readCourse(dir).diagnostics.map((d) => [d.code, d.file, d.line, d.column])

test('a page over 2 MB is refused at once, naming the file, and never read', () => {
  const dir = writeCourse({}, validCourse())
  writeFileSync(join(dir, 'huge.md'), Buffer.alloc(MAX_PAGE_BYTES + 1, 'a'))
  writeFileSync(join(dir, 'just-fits.md'), Buffer.alloc(MAX_PAGE_BYTES, 'a'))
  const files = readCourse(dir)
  assert.deepEqual(problems(dir), [['load/page-too-large', 'huge.md', 0, 0]])
  assert.match(files.diagnostics[0]!.message, /^huge\.md is 2 MB; a page may be at most 2 MB\.$/)
  assert.deepEqual(
    files.pages.map((p) => p.path),
    ['ch1.md', 'index.md', 'just-fits.md', 's1.md'],
  )
})

test('a page that is not UTF-8 is an error at its first bad byte, not text with replacement characters', () => {
  const dir = writeCourse({}, validCourse())
  const latin1 = Buffer.concat([Buffer.from('---\ntitle: Caf'), Buffer.from([0xe9]), Buffer.from('\nclass: chapter\n')])
  writeFileSync(join(dir, 'ch1.md'), latin1)
  const files = readCourse(dir)
  assert.deepEqual(problems(dir), [['load/not-utf8', 'ch1.md', 2, 11]])
  assert.match(files.diagnostics[0]!.hint!, /Save the file as UTF-8/)
  assert.ok(!files.pages.some((p) => p.path === 'ch1.md'))
})

test('the first bad byte is found after any well-formed character, and overlongs and surrogates are bad', () => {
  const at = (...bytes: number[]) => firstInvalidUtf8(Uint8Array.from(bytes))
  assert.equal(at(0x61, 0xc3, 0xa9, 0xff), 3)
  assert.equal(at(0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0xc0, 0xaf), 7, 'overlong /')
  assert.equal(at(0x61, 0xed, 0xa0, 0x80), 1, 'a UTF-16 surrogate')
  assert.equal(at(0x61, 0xe2, 0x82), 1, 'cut short at the end')
})

test('a symbolic link out of the course folder is refused, and what it points at is not read', () => {
  const outside = writeCourse({ 'secret.md': '---\ntitle: Secret\nclass: section\nserial: 9\n---\nkey\n' })
  const dir = writeCourse({}, validCourse())
  symlinkSync(join(outside, 'secret.md'), join(dir, 'secret.md'))
  symlinkSync(outside, join(dir, 'elsewhere'))
  const files = readCourse(dir)
  assert.deepEqual(problems(dir), [
    ['load/bad-link', 'elsewhere', 0, 0],
    ['load/bad-link', 'secret.md', 0, 0],
  ])
  assert.match(files.diagnostics[0]!.message, /outside the course folder/)
  assert.ok(!files.pages.some((p) => p.text.includes('key')))
})

test('symbolic link loops are refused at once rather than walked forever', { timeout: 20_000 }, () => {
  const dir = writeCourse({}, validCourse())
  symlinkSync('.', join(dir, 'self'))
  mkdirSync(join(dir, 'a'))
  mkdirSync(join(dir, 'b'))
  symlinkSync('../b', join(dir, 'a', 'to-b'))
  symlinkSync('../a', join(dir, 'b', 'to-a'))
  symlinkSync('y', join(dir, 'x'))
  symlinkSync('x', join(dir, 'y'))
  const codes = problems(dir)
  assert.ok(codes.length >= 4, JSON.stringify(codes))
  assert.ok(
    codes.every(([code]) => code === 'load/bad-link'),
    JSON.stringify(codes),
  )
  for (const name of ['self', 'x', 'y'])
    assert.ok(
      codes.some(([, file]) => file === name),
      name,
    )
})

test('a symbolic link to a page or folder inside the course is followed', () => {
  const dir = writeCourse({ 'real/s2.md': '---\ntitle: S2\nclass: section\nserial: 3\n---\nx\n' }, validCourse())
  symlinkSync('real', join(dir, 'linked'))
  symlinkSync('s1.md', join(dir, 'again.md'))
  const files = readCourse(dir)
  assert.deepEqual(files.diagnostics, [])
  assert.deepEqual(
    files.pages.map((p) => p.path),
    ['again.md', 'ch1.md', 'index.md', 'linked/s2.md', 'real/s2.md', 's1.md'],
  )
})
