/** `coursemark new DIR` as a process: a course that builds and checks clean, and a refusal to write into a used folder. */
import assert from 'node:assert/strict'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { cli, tempPath } from '../helpers/course.ts'

test('new starts a course that checks with no diagnostic and builds, and says what to do next', () => {
  const dir = tempPath('my-first-course')
  const r = cli(['new', dir])
  assert.equal(r.code, 0, r.stderr)
  assert.equal(
    r.stdout,
    `Started a course in ${dir}:
  index.md
  getting-started.md
  writing-pages.md
  quizzes.md
  .gitignore
  .github/workflows/pages.yml

Next:
  ${`coursemark dev ${dir}`.padEnd(dir.length + 32)}preview it on localhost, rebuilt as you edit
  ${`coursemark check ${dir}`.padEnd(dir.length + 32)}find mistakes before learners do
  coursemark build ${dir} --out _site   make the site to publish

To publish it on GitHub Pages, push the folder as a repository of its own, and
in its Settings > Pages choose "GitHub Actions": .github/workflows/pages.yml
then builds and publishes the course at every push to main.
`,
  )
  assert.deepEqual(readdirSync(dir).sort(), [
    '.github',
    '.gitignore',
    'getting-started.md',
    'index.md',
    'quizzes.md',
    'writing-pages.md',
  ])
  assert.match(
    readFileSync(join(dir, 'index.md'), 'utf8'),
    /^---\ntitle: My first course\nclass: index\ncourse_id: my-first-course\n---\n/,
  )
  assert.match(
    readFileSync(join(dir, 'quizzes.md'), 'utf8'),
    /\{: data-n="2"\}\n\n- .+\n {2}- False: .+\n- .+\n {2}- True: /,
    'the quiz is in the readable form',
  )

  const check = cli(['check', dir, '--strict'])
  assert.equal(check.code, 0, check.stdout)
  assert.equal(check.stdout, 'Checked 4 pages: no problems found.\n')
  const build = cli(['build', dir, '--out', tempPath()])
  assert.equal(build.code, 0, build.stderr)
  assert.match(build.stdout, /^Built 4 pages \(1 quizzes, 4 statements\)/)
  assert.equal(build.stderr, '')
})

test('new uses an existing empty folder', () => {
  const dir = tempPath('empty')
  mkdirSync(dir)
  assert.equal(cli(['new', dir]).code, 0)
  assert.equal(readdirSync(dir).filter((f) => f.endsWith('.md')).length, 4)
})

test('new refuses a folder that is not empty, and writes nothing', () => {
  const dir = tempPath('used')
  mkdirSync(dir)
  writeFileSync(join(dir, 'notes.txt'), 'mine')
  const r = cli(['new', dir])
  assert.equal(r.code, 1)
  assert.equal(
    r.stderr,
    `coursemark: ${dir} is not empty, so no course was started there.\n  hint: Name a new folder, or an empty one: coursemark never writes over your files.\n`,
  )
  assert.deepEqual(readdirSync(dir), ['notes.txt'])
})

test('new without a folder is a usage error', () => {
  const r = cli(['new'])
  assert.equal(r.code, 2)
  assert.match(r.stderr, /^coursemark: Name the folder to start the course in/)
})
