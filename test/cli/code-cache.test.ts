/**
 * bin/coursemark.js keeps V8's code cache of each command in the user's
 * cache folder: made by a command's first run, used by the next, rewritten
 * when V8 refuses it, never after a usage error, and not at all with
 * NODE_DISABLE_COMPILE_CACHE=1. Whatever the cache holds, the command works.
 */
import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { cli } from '../helpers/course.ts'
import { tempDir } from '../helpers/temp.ts'

const version = (cache: string, env: Record<string, string> = {}) =>
  cli(['--version'], { env: { XDG_CACHE_HOME: cache, ...env } })
const caches = (cache: string) => {
  const dir = join(cache, 'coursemark')
  return existsSync(dir) ? readdirSync(dir).sort() : []
}

test('a command leaves its code cache, the next run uses it, and a cache V8 refuses is made again', () => {
  const cache = tempDir('cm-cache-')
  const first = version(cache)
  assert.equal(first.code, 0, first.stderr)
  const files = caches(cache)
  assert.equal(files.length, 1)
  assert.match(files[0]!, /^other-v\d+\.\d+\.\d+-[a-z0-9]+-\d+-\d+\.v8$/)
  const path = join(cache, 'coursemark', files[0]!)
  const made = readFileSync(path)
  assert.ok(made.length > 10_000, 'the cache holds compiled code')

  // Accepted: not written again.
  assert.equal(version(cache).stdout, first.stdout)
  assert.deepEqual(readFileSync(path), made)

  // Not V8's: refused, the command still works, and a good cache replaces it.
  writeFileSync(path, 'not a code cache')
  const again = version(cache)
  assert.deepEqual([again.code, again.stdout], [0, first.stdout])
  assert.ok(readFileSync(path).length > 10_000)
  assert.deepEqual(caches(cache), files, 'one file per command')
})

test('no code cache after a usage error, nor with NODE_DISABLE_COMPILE_CACHE=1', () => {
  const cache = tempDir('cm-cache-')
  assert.equal(cli(['biuld'], { env: { XDG_CACHE_HOME: cache } }).code, 2)
  assert.deepEqual(caches(cache), [])
  assert.equal(version(cache, { NODE_DISABLE_COMPILE_CACHE: '1' }).code, 0)
  assert.deepEqual(caches(cache), [])
})
