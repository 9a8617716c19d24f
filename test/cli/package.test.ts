/**
 * `coursemark package` on bad input: a missing or unknown format and a
 * missing --out are usage errors (exit 2); an output that is a folder, not
 * writable, not a zip, or inside the course, and a course with errors, exit 1
 * and write nothing; a course's errors are the ones `build` reports.
 */
import assert from 'node:assert/strict'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { test } from 'node:test'
import { cli, ROOT, tempPath, validCourse, writeCourse } from '../helpers/course.ts'
import { readPackage } from '../helpers/scorm-package.ts'

const SAMPLE = join(ROOT, 'example')

test('package without --format is a usage error that lists the formats', () => {
  const out = tempPath('a.zip')
  const r = cli(['package', SAMPLE, '--out', out])
  assert.equal(r.code, 2, r.stderr)
  assert.match(r.stderr, /--format: scorm12 or scorm2004/)
  assert.equal(existsSync(out), false)
})

test('package with an unknown --format is a usage error that lists the formats and suggests one', () => {
  const out = tempPath('a.zip')
  const r = cli(['package', SAMPLE, '--format', 'scorm21', '--out', out])
  assert.equal(r.code, 2, r.stderr)
  assert.match(
    r.stderr,
    /Unknown package format "scorm21"\. Did you mean "scorm12"\? The formats are scorm12 and scorm2004\./,
  )
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace')
  assert.equal(existsSync(out), false)
})

test('package without --out is a usage error', () => {
  const r = cli(['package', SAMPLE, '--format', 'scorm12'])
  assert.equal(r.code, 2, r.stderr)
  assert.match(r.stderr, /--out FILE\.zip/)
})

test('package --help names the formats', () => {
  const r = cli(['package', '--help'])
  assert.equal(r.code, 0)
  assert.match(r.stdout, /--format scorm12\|scorm2004 --out FILE\.zip/)
})

test('package into a folder exits 1 and leaves the folder as it was', () => {
  const folder = tempPath('folder.zip')
  mkdirSync(folder)
  const r = cli(['package', SAMPLE, '--format', 'scorm12', '--out', folder])
  assert.equal(r.code, 1, r.stderr)
  assert.match(r.stderr, /is a folder; --out names the zip file to write/)
  assert.deepEqual(readdirSync(folder), [])
})

test('package to a path that cannot be written exits 1 with the reason, leaving nothing behind', () => {
  const file = tempPath('not-a-folder')
  writeFileSync(file, 'x')
  const r = cli(['package', SAMPLE, '--format', 'scorm2004', '--out', join(file, 'course.zip')])
  assert.equal(r.code, 1, r.stderr)
  assert.match(r.stderr, /Cannot write .*course\.zip/)
  assert.match(r.stderr, /hint: /)
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace')
  assert.deepEqual(readdirSync(dirname(file)), ['not-a-folder'])
})

test('package will not replace a file that is not a zip', () => {
  const out = tempPath('notes.zip')
  writeFileSync(out, 'my notes')
  const r = cli(['package', SAMPLE, '--format', 'scorm12', '--out', out])
  assert.equal(r.code, 1, r.stderr)
  assert.match(r.stderr, /exists and is not a zip file/)
  assert.equal(readFileSync(out, 'utf8'), 'my notes')
})

test('package replaces a zip it is pointed at', () => {
  const out = tempPath('course.zip')
  assert.equal(cli(['package', SAMPLE, '--format', 'scorm12', '--out', out]).code, 0)
  const r = cli(['package', SAMPLE, '--format', 'scorm2004', '--out', out])
  assert.equal(r.code, 0, r.stderr)
  assert.match(r.stdout, /^Packaged 11 pages as scorm2004 into .*course\.zip \(\d+ files, \d+ KB\) in /)
  assert.match(readPackage(out).text('imsmanifest.xml'), /2004 4th Edition/)
  assert.deepEqual(readdirSync(dirname(out)), ['course.zip'], 'no temporary file is left')
})

test('package will not write inside the course folder', () => {
  const course = writeCourse({}, validCourse())
  const r = cli(['package', course, '--format', 'scorm12', '--out', join(course, 'course.zip')])
  assert.equal(r.code, 1, r.stderr)
  assert.match(r.stderr, /would be inside the course folder/)
  assert.equal(existsSync(join(course, 'course.zip')), false)
})

test('package of a course with errors prints what build prints, exits 1 and writes nothing', () => {
  const course = writeCourse(
    { 's1.md': '---\ntitle: S\nclass: section\nserial: 2\n---\nPara\n{: .ok data-x=unquoted}\n' },
    validCourse(),
  )
  const out = tempPath('course.zip')
  const packaged = cli(['package', course, '--format', 'scorm12', '--out', out])
  const built = cli(['build', course, '--out', tempPath('site')])
  assert.equal(packaged.code, 1)
  assert.equal(built.code, 1)
  const diagnostics = (stderr: string) => stderr.slice(0, stderr.lastIndexOf('\n\n'))
  assert.match(packaged.stderr, /s1\.md:7:15: error: This attribute list does not parse/)
  assert.equal(diagnostics(packaged.stderr), diagnostics(built.stderr))
  assert.match(packaged.stderr, /Package failed: 1 error\. Nothing was written\.\n$/)
  assert.deepEqual(readdirSync(dirname(out)), [])
})

test('a course file named like a file the package adds is an error', () => {
  const course = writeCourse({ 'scorm.html': '<p>mine</p>' }, validCourse())
  const out = tempPath('course.zip')
  const r = cli(['package', course, '--format', 'scorm12', '--out', out])
  assert.equal(r.code, 1, r.stderr)
  assert.match(r.stderr, /scorm\.html: error: scorm\.html clashes with a file coursemark puts in an LMS package/)
  assert.equal(existsSync(out), false)
})
