/**
 * What a killed build left beside the output folder, and what the next
 * build does with it (issue 15): temporary folders go, a previous site
 * moved aside is put back or emptied of coursemark's files, and nothing
 * else is touched.
 */
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { cleanStaleFolders, MARKER } from '../../src/emit/stale-folders.ts'
import { tempDir } from '../helpers/temp.ts'

/** The pid of a process that has exited. */
const DEAD = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
  encoding: 'utf8',
}).stdout

function write(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true })
    writeFileSync(join(root, path), text)
  }
}

const marker = (...files: string[]) => JSON.stringify({ generator: 'coursemark', files })

test("a dead build's temporary folder is removed; a running build's, and every other name, are kept", () => {
  const parent = tempDir('cm-stale-')
  write(parent, {
    [`.site.coursemark-tmp-${DEAD}-abc/index.html`]: 'half',
    [`.site.coursemark-tmp-${process.ppid}-abc/index.html`]: 'another build, running',
    '.site.coursemark-notes/a.txt': 'the author’s',
    [`.other.coursemark-tmp-${DEAD}-abc/a.txt`]: 'another output’s',
    [`site.coursemark-tmp-${DEAD}-abc/a.txt`]: 'no dot',
    'site/index.html': 'the site',
  })
  cleanStaleFolders(join(parent, 'site'))
  assert.deepEqual(readdirSync(parent).sort(), [
    `.other.coursemark-tmp-${DEAD}-abc`,
    `.site.coursemark-notes`,
    `.site.coursemark-tmp-${process.ppid}-abc`,
    'site',
    `site.coursemark-tmp-${DEAD}-abc`,
  ])
})

test('a previous site left aside with no output folder (killed between the two renames) is put back', () => {
  const parent = tempDir('cm-stale-')
  write(parent, {
    [`.site.coursemark-old-${DEAD}-abc/index.html`]: 'old',
    [`.site.coursemark-old-${DEAD}-abc/${MARKER}`]: marker('index.html'),
    [`.site.coursemark-old-${DEAD}-abc/CNAME`]: 'mine',
    [`.site.coursemark-tmp-${DEAD}-abc/index.html`]: 'new',
  })
  cleanStaleFolders(join(parent, 'site'))
  assert.deepEqual(readdirSync(parent), ['site'])
  assert.equal(readFileSync(join(parent, 'site', 'index.html'), 'utf8'), 'old')
  assert.equal(readFileSync(join(parent, 'site', 'CNAME'), 'utf8'), 'mine')
})

test('a previous site left aside after the swap loses what coursemark wrote and what the new site holds, and keeps the rest', () => {
  const parent = tempDir('cm-stale-')
  const old = `.site.coursemark-old-${DEAD}-abc`
  write(parent, {
    [`${old}/index.html`]: 'old',
    [`${old}/a/page.html`]: 'old',
    [`${old}/${MARKER}`]: marker('index.html', 'a/page.html'),
    [`${old}/CNAME`]: 'mine',
    [`${old}/notes.txt`]: 'only here',
    'site/index.html': 'new',
    'site/CNAME': 'mine',
  })
  cleanStaleFolders(join(parent, 'site'))
  assert.deepEqual(readdirSync(join(parent, old)), ['notes.txt'])
  assert.equal(existsSync(join(parent, 'site', 'CNAME')), true)
})

test('a previous site left half removed after the swap, its marker still there, is emptied of what the marker lists', () => {
  const parent = tempDir('cm-stale-')
  const old = `.site.coursemark-old-${DEAD}-abc`
  write(parent, {
    [`${old}/b/changed.html`]: 'old text, which the new site does not have',
    [`${old}/${MARKER}`]: marker('a/removed-already.html', 'b/changed.html'),
    'site/b/changed.html': 'new text',
  })
  cleanStaleFolders(join(parent, 'site'))
  assert.deepEqual(readdirSync(parent), ['site'])
})
