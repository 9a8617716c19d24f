/**
 * `coursemark quiz decode` then `quiz encode` over every page of the
 * reference course: all 644 statements read back readably, the pages come
 * back byte for byte, and the readable course builds the very same site.
 * Skipped where the corpus is not checked out beside the project.
 */
import assert from 'node:assert/strict'
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { cli, CORPUS, tempPath } from '../helpers/course.ts'
import { siteTree, splitByHeaders } from '../helpers/site-tree.ts'
import { tempDir } from '../helpers/temp.ts'

const skip = existsSync(CORPUS) ? false : 'the reference corpus is not present'

test('every page of the reference course survives quiz decode then quiz encode byte for byte', { skip }, () => {
  const dir = join(tempDir('cm-corpus-quiz-'), 'listen')
  cpSync(CORPUS, dir, { recursive: true })
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
  assert.equal(files.length, 59)
  const originals = new Map(files.map((f) => [f, readFileSync(join(dir, f), 'utf8')]))

  const decoded = cli(['quiz', 'decode', ...files], { cwd: dir })
  assert.equal(decoded.code, 0, decoded.stderr)
  assert.equal(decoded.stderr, '', 'no item is kept in base64')
  const pages = splitByHeaders(decoded.stdout, files)
  let answerLines = 0
  for (const [file, text] of pages) {
    answerLines += text.split('\n').filter((l) => /^ {2}- (True|False|Yes|No)(: |$)/.test(l)).length
    writeFileSync(join(dir, file), text)
  }
  assert.equal(answerLines, 644)

  const out = tempPath()
  assert.equal(cli(['build', dir, '--out', out, '--base', '/listen/']).code, 0)
  const reference = tempPath()
  assert.equal(cli(['build', CORPUS, '--out', reference, '--base', '/listen/']).code, 0)
  assert.deepEqual(siteTree(out), siteTree(reference), 'the readable course builds the same site')

  const encoded = cli(['quiz', 'encode', ...files], { cwd: dir })
  assert.equal(encoded.code, 0, encoded.stderr)
  for (const file of files) assert.equal(readFileSync(join(dir, file), 'utf8'), originals.get(file), file)
  assert.equal(readdirSync(dir).filter((f) => f.endsWith('.bak')).length, 51, 'a backup of each page with a quiz')
})
