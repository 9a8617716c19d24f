/**
 * compileCourse with a build cache (what `dev` uses): a rebuild renders only
 * the pages whose text changed, unless the course's shape changed, and its
 * output is always what a build from scratch makes.
 */
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { test } from 'node:test'
import { createBuildCache } from '../../src/pipeline/build-cache.ts'
import { type BuildResult, compileCourse } from '../../src/pipeline/compile-course.ts'
import { readCourse } from '../../src/load/read-course.ts'
import { ROOT } from '../helpers/course.ts'

const EXAMPLE = join(ROOT, 'example')

function output(r: BuildResult): Map<string, string> {
  assert.ok(r.plan, r.diagnostics.map((d) => d.message).join('\n'))
  return new Map([...r.plan.files].map(([path, f]) => [path, 'data' in f ? f.data : `copy of ${f.copyFrom}`]))
}

test('a rebuild with the cache renders only the page whose body changed, and matches a build from scratch', async () => {
  const cache = createBuildCache()
  const files = readCourse(EXAMPLE)
  const first = await compileCourse({ courseDir: EXAMPLE, cache, files })
  assert.equal(first.renderedNow.length, 11)
  const again = await compileCourse({ courseDir: EXAMPLE, cache, files })
  assert.deepEqual(again.renderedNow, [])
  assert.deepEqual(output(again), output(await compileCourse({ courseDir: EXAMPLE })))

  const page = files.pages.find((p) => p.path === 'reflecting-feelings.md')!
  page.text = page.text.replace('Reflection shows', 'A reflection shows')
  const edited = await compileCourse({ courseDir: EXAMPLE, cache, files })
  assert.deepEqual(edited.renderedNow, ['reflecting-feelings'])
  assert.ok(output(edited).get('reflecting-feelings/index.html')!.includes('A reflection shows'))
  assert.deepEqual(output(edited), output(await compileCourse({ courseDir: EXAMPLE, files })))
})

test("a rebuild with the cache renders every page when the course shape changes, and carries each page's diagnostics", async () => {
  const cache = createBuildCache()
  const files = readCourse(EXAMPLE)
  await compileCourse({ courseDir: EXAMPLE, cache, files })
  const chapter = files.pages.find((p) => p.path === 'staying-safe.md')!
  chapter.text = chapter.text.replace('Chapter 2: Staying safe', 'Chapter 2: Keeping safe')
  assert.equal((await compileCourse({ courseDir: EXAMPLE, cache, files })).renderedNow.length, 11)

  const section = files.pages.find((p) => p.path === 'looking-after-yourself.md')!
  section.text = section.text.replace('{: data-n="0"}', '{: data-n="zero"}')
  const broken = await compileCourse({ courseDir: EXAMPLE, cache, files })
  assert.ok(broken.diagnostics.some((d) => d.code === 'quiz/bad-n'))
  const still = await compileCourse({ courseDir: EXAMPLE, cache, files })
  assert.deepEqual(still.renderedNow, [], 'nothing changed, nothing rendered')
  assert.equal(still.ok, false)
  assert.deepEqual(still.diagnostics, broken.diagnostics, 'the cached page still reports its errors')
})
