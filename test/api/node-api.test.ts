/**
 * The Node API as a package user meets it: `import { build } from 'coursemark'`
 * resolves through package.json's exports to the bundled dist/index.js.
 */
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { build, compileCourse, PACKAGE_FORMATS, packageCourse } from 'coursemark'
import { ROOT, tempPath, validCourse, writeCourse } from '../helpers/course.ts'

test('compileCourse builds in memory and writes nothing', async () => {
  const r = await compileCourse({ courseDir: join(ROOT, 'example'), base: '/x/' })
  assert.equal(r.ok, true)
  assert.ok(r.plan!.files.has('index.html'))
  assert.equal(r.course!.sequence.length, 10)
  assert.equal(r.course!.sequence.filter((p) => p.quiz).length, 5)
})

test('build writes the site and reports problems as data, never by throwing', async () => {
  const out = tempPath()
  const ok = await build({ courseDir: join(ROOT, 'example'), outDir: out })
  assert.equal(ok.ok, true)
  assert.ok(existsSync(join(out, 'index.html')))
  const broken = writeCourse({ 's1.md': '---\ntitle: S\nclass: section\nserial: two\n---\n' }, validCourse())
  const bad = await build({ courseDir: broken, outDir: tempPath() })
  assert.equal(bad.ok, false)
  assert.deepEqual(
    bad.diagnostics.map((d) => [d.severity, d.code, d.file, d.line]),
    [['error', 'front-matter/bad-serial', 's1.md', 4]],
  )
})

test('packageCourse writes a SCORM zip, and reports a course with errors as data, writing nothing', async () => {
  assert.deepEqual(PACKAGE_FORMATS, ['scorm12', 'scorm2004'])
  const out = tempPath('course.zip')
  const ok = await packageCourse({ courseDir: join(ROOT, 'example'), format: 'scorm2004', outFile: out })
  assert.equal(ok.ok, true)
  assert.ok(ok.bytes > 0 && existsSync(out))
  assert.ok(ok.package!.files.has('imsmanifest.xml') && ok.package!.courseFiles.includes('scorm.html'))
  const broken = writeCourse({ 's1.md': '---\ntitle: S\nclass: section\nserial: two\n---\n' }, validCourse())
  const badOut = tempPath('bad.zip')
  const bad = await packageCourse({ courseDir: broken, format: 'scorm12', outFile: badOut })
  assert.equal(bad.ok, false)
  assert.equal(bad.diagnostics[0]?.code, 'front-matter/bad-serial')
  assert.equal(existsSync(badOut), false)
})
