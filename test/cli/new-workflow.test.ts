/**
 * The GitHub Pages workflow `coursemark new` writes: YAML of the shape GitHub
 * Actions runs, naming real actions at pinned major versions, whose build
 * step, run as GitHub runs it, builds the site under the path GitHub Pages
 * serves the repository from.
 */
import assert from 'node:assert/strict'
import { type SpawnSyncReturns, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { parse } from 'yaml'
import { BIN, cli, ROOT, tempPath } from '../helpers/course.ts'

interface Step {
  id?: string
  uses?: string
  run?: string
  with?: Record<string, unknown>
}
interface Workflow {
  on: { push: { branches: string[] }; workflow_dispatch: unknown }
  permissions: Record<string, string>
  jobs: Record<string, { 'runs-on': string; needs?: string; environment?: { name: string }; steps: Step[] }>
}

/**
 * Each action's newest major version, as tagged in its repository
 * (github.com/actions/…) in November 2026; an older major may stop running
 * when GitHub retires the Node version it runs on.
 */
const REAL_ACTIONS: Record<string, number> = {
  'actions/checkout': 7,
  'actions/setup-node': 7,
  'actions/configure-pages': 5,
  'actions/upload-pages-artifact': 5,
  'actions/deploy-pages': 5,
}

const course = tempPath('my-course')
assert.equal(cli(['new', course]).code, 0)
const text = readFileSync(join(course, '.github', 'workflows', 'pages.yml'), 'utf8')
const workflow = parse(text, { strict: true, uniqueKeys: true }) as Workflow
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps)
const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version

test('the workflow is YAML that GitHub Actions runs as a Pages deployment on a push to main', () => {
  assert.deepEqual(workflow.on.push.branches, ['main'])
  assert.ok('workflow_dispatch' in workflow.on, 'it can be run by hand too')
  assert.deepEqual(workflow.permissions, { contents: 'read', pages: 'write', 'id-token': 'write' })
  assert.deepEqual(Object.keys(workflow.jobs), ['build', 'deploy'])
  assert.equal(workflow.jobs['deploy']!.needs, 'build')
  assert.equal(workflow.jobs['deploy']!.environment?.name, 'github-pages')
  for (const job of Object.values(workflow.jobs)) assert.equal(job['runs-on'], 'ubuntu-latest')
  for (const step of steps) assert.ok((step.uses === undefined) !== (step.run === undefined), JSON.stringify(step))
})

test('it names real actions, each pinned to its major version', () => {
  const used = steps.flatMap((s) => (s.uses ? [s.uses] : []))
  assert.deepEqual(
    used.map((u) => u.split('@')[0]),
    [
      'actions/checkout',
      'actions/setup-node',
      'actions/configure-pages',
      'actions/upload-pages-artifact',
      'actions/deploy-pages',
    ],
  )
  for (const u of used) {
    const [name, ref] = u.split('@') as [string, string]
    assert.equal(ref, `v${REAL_ACTIONS[name]}`, `${u} is pinned to the major version ${REAL_ACTIONS[name]}`)
  }
  const node = steps.find((s) => s.uses?.startsWith('actions/setup-node@'))!
  assert.ok(Number(node.with?.['node-version']) >= 20, 'coursemark needs Node 20 or later')
})

test('its build step builds the site under the path GitHub Pages serves the repository from', () => {
  const pages = steps.find((s) => s.id === 'pages')
  assert.match(pages?.uses ?? '', /^actions\/configure-pages@/, 'steps.pages is configure-pages')
  const upload = steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))!
  const run = steps.find((s) => s.run)!.run!
  const command = /^npx --yes coursemark@(\S+) (build .*)$/.exec(run)
  assert.ok(command, run)
  assert.equal(command[1], version, 'it builds with the coursemark that made the course')
  assert.match(command[2]!, new RegExp(` --out ${upload.with?.['path']} `), 'it uploads what it built')
  assert.match(readFileSync(join(course, '.gitignore'), 'utf8'), /^_site\/$/m, 'the built site stays out of git')

  // configure-pages gives /<repository> for a project site, '' for <user>.github.io or a custom domain.
  for (const [basePath, base] of [
    ['/my-course', '/my-course/'],
    ['', '/'],
  ] as const) {
    // GitHub replaces the expression before the shell sees the line.
    const line: string = command[2]!.replace(`\${{ steps.pages.outputs.base_path }}`, basePath)
    const r: SpawnSyncReturns<string> = spawnSync('sh', ['-c', `"$0" "$1" ${line}`, process.execPath, BIN], {
      cwd: course,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    })
    assert.equal(r.status, 0, r.stderr)
    const index = readFileSync(join(course, '_site', 'index.html'), 'utf8')
    assert.match(index, new RegExp(`src="${base}assets/coursemark\\.[0-9a-f]+\\.js"`), `base ${base}`)
    assert.match(index, new RegExp(`class="cm-home" href="${base}"`), `base ${base}`)
  }
})
