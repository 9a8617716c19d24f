import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { offlineWorker, WHOLE_LIMIT } from '../../src/emit/offline-worker.ts'
import { compileCourse } from '../../src/pipeline/compile-course.ts'
import { cli, ROOT, tempPath, validCourse, writeCourse } from '../helpers/course.ts'

const WORKER = readFileSync(join(ROOT, 'dist', 'service-worker.js'), 'utf8')
const config = (data: string) => JSON.parse(/(\{"cache".*?\]\]\})/.exec(data)?.[1] ?? 'null')

describe('the service worker of a site', () => {
  it('lists every file at its revision, pages by their folder, under the base', () => {
    const files = new Map([
      ['index.html', { rev: 'aaaa', size: 10 }],
      ['s1/index.html', { rev: 'bbbb', size: 10 }],
      ['img/a b.png', { rev: 'cccc', size: 10 }],
    ])
    const worker = offlineWorker(WORKER, files, '/course/')
    assert.deepEqual(config(worker.data), {
      cache: 'coursemark:/course/',
      base: '/course/',
      whole: true,
      files: [
        ['/course/', 'aaaa'],
        ['/course/s1/', 'bbbb'],
        ['/course/img/a%20b.png', 'cccc'],
      ],
    })
    assert.deepEqual(worker.summary, { mode: 'whole', bytes: 30 })
  })

  it('caches a course over the size limit as it is visited, and says so', () => {
    const files = new Map([
      ['index.html', { rev: 'aaaa', size: 1000 }],
      ['video.mp4', { rev: 'bbbb', size: WHOLE_LIMIT }],
    ])
    const worker = offlineWorker(WORKER, files, '/')
    assert.equal(config(worker.data).whole, false)
    assert.deepEqual(worker.summary, { mode: 'visited', bytes: WHOLE_LIMIT + 1000 })
  })

  it('is one that removes itself when the index says offline: false, and the pages register none', async () => {
    const dir = writeCourse(
      { 'index.md': '---\ntitle: Home\nclass: index\noffline: false\n---\nHello.\n' },
      validCourse(),
    )
    const out = tempPath()
    const r = cli(['build', dir, '--out', out])
    assert.equal(r.code, 0, r.stderr)
    assert.match(r.stdout, /\nOffline: off \(`offline: false` in the index\), so the course needs the network\.\n$/)
    const worker = readFileSync(join(out, 'coursemark-sw.js'), 'utf8')
    assert.match(worker, /self\.registration\.unregister\(\)/)
    const result = await compileCourse({ courseDir: dir })
    assert.equal(result.plan?.offline.mode, 'off')
  })

  it('is never registered by dev', async () => {
    const result = await compileCourse({ courseDir: join(ROOT, 'example'), devScript: '/__coursemark/dev.js' })
    assert.equal(result.plan?.offline.mode, 'off')
    const js = [...(result.plan?.files.values() ?? [])].find((f) => /^assets\/coursemark\.[0-9a-f]+\.js$/.test(f.path))
    assert.ok(js && 'data' in js && js.data.includes('"worker":null'))
  })
})
