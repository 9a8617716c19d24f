/**
 * The package as a user gets it: the tarball `npm pack` makes, installed
 * globally into a throwaway prefix and run through `npx`, from folders
 * outside this repository, with a home folder of their own (a clean
 * machine's, as far as coursemark can tell).
 *
 * `npm test` builds dist/ first; `npm pack --ignore-scripts` packs that build
 * (npm's own `prepare` would rebuild dist/ under the feet of the tests running
 * beside this one).
 */
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { before, test } from 'node:test'
import { ROOT } from '../helpers/course.ts'
import { tempDir } from '../helpers/temp.ts'

const scratch = tempDir('cm-package-')
const home = join(scratch, 'home')
const prefix = join(scratch, 'prefix')
const work = join(scratch, 'work')
const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version
const tarball = `coursemark-${version}.tgz`

/** What a user's shell has: their PATH with the prefix's bin first, a home of their own, npm's cache in it. */
const env: NodeJS.ProcessEnv = {
  PATH: `${join(prefix, 'bin')}:${process.env['PATH'] ?? ''}`,
  HOME: home,
  npm_config_cache: join(home, '.npm'),
  npm_config_update_notifier: 'false',
  NO_COLOR: '1',
}

function run(program: string, args: string[], cwd: string) {
  const r = spawnSync(program, args, { cwd, env, encoding: 'utf8', timeout: 120_000 })
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', error: r.error }
}

let packed: { files: { path: string }[] }
before(() => {
  for (const dir of [home, work]) mkdirSync(dir, { recursive: true })
  const r = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', scratch], ROOT)
  assert.equal(r.code, 0, r.stderr)
  packed = (JSON.parse(r.stdout) as (typeof packed)[])[0]!
})

test('the tarball holds only what runs: the launcher, the bundle, the SCORM schemas, the API entry and its types', () => {
  const paths = packed.files.map((f) => f.path).sort()
  const outsideTypes = paths.filter((p) => !p.startsWith('dist/types/') && !p.startsWith('dist/scorm-xsd/'))
  assert.deepEqual(outsideTypes, [
    'README.md',
    'bin/coursemark.js',
    'bin/package.json',
    'dist/coursemark.cjs',
    'dist/index.js',
    'package.json',
  ])
  assert.ok(paths.includes('dist/types/index.d.ts'))
  assert.ok(
    paths.every((p) => !p.startsWith('dist/types/') || p.endsWith('.d.ts')),
    'dist/types holds declarations only',
  )
  assert.ok(paths.includes('dist/scorm-xsd/scorm12/imscp_rootv1p1p2.xsd'), 'the schemas LMS packages carry')
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>
  assert.equal(manifest['dependencies'], undefined, 'every library is in the bundle, so none is a dependency')
})

test('installed globally from the tarball, coursemark starts, checks, builds (in English and French) and packages a course', () => {
  const install = run(
    'npm',
    ['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', join(scratch, tarball)],
    work,
  )
  assert.equal(install.code, 0, install.stderr)
  const bin = join(prefix, 'bin', 'coursemark')

  const started = run(bin, ['new', 'c'], work)
  assert.equal(started.code, 0, started.stderr)
  const checked = run(bin, ['check', 'c'], work)
  assert.equal(checked.code, 0, checked.stdout + checked.stderr)
  assert.equal(checked.stdout, 'Checked 4 pages: no problems found.\n')
  // Raw HTML is read by parse5, which the bundle loads only for pages that hold some.
  const page = join(work, 'c', 'quizzes.md')
  writeFileSync(page, `${readFileSync(page, 'utf8')}\n<p class="aside">Read by <b>parse5</b>.</p>\n`)
  const built = run(bin, ['build', 'c'], work)
  assert.equal(built.code, 0, built.stderr)
  assert.match(built.stdout, /^Built 4 pages .* into _site in /)
  assert.match(readFileSync(join(work, '_site', 'quizzes', 'index.html'), 'utf8'), /Read by <b>parse5<\/b>/)
  assert.ok(existsSync(join(work, '_site', 'coursemark-sw.js')), 'the offline worker')
  // An LMS package carries the SCORM schemas, which the bundle finds beside itself.
  const packaged = run(bin, ['package', 'c', '--format', 'scorm12', '--out', 'c.zip'], work)
  assert.equal(packaged.code, 0, packaged.stderr)
  assert.match(packaged.stdout, /c\.zip/)
  const zip = readFileSync(join(work, 'c.zip'), 'latin1')
  // A zip names each entry in plain text: the manifest, a schema from beside the bundle, the launch page's script.
  for (const entry of ['imsmanifest.xml', 'imscp_rootv1p1p2.xsd', 'assets/coursemark-launch.'])
    assert.ok(zip.includes(entry), `the package holds ${entry}`)

  // A course in French speaks the French catalogue, which the bundle carries.
  cpSync(join(ROOT, 'test', 'fixtures', 'course-fr'), join(work, 'fr'), { recursive: true })
  const french = run(bin, ['build', 'fr', '--out', 'fr-site'], work)
  assert.equal(french.code, 0, french.stdout + french.stderr)
  const index = readFileSync(join(work, 'fr-site', 'index.html'), 'utf8')
  assert.match(index, /<html lang="fr"/)
  assert.match(index, /Commencer la formation/)

  // The Node API, as `import { build } from 'coursemark'` loads it.
  const api = join(prefix, 'lib', 'node_modules', 'coursemark', 'dist', 'index.js')
  const script = `const { compileCourse } = await import(${JSON.stringify(api)}); const r = await compileCourse({ courseDir: 'c' }); console.log(r.ok, r.plan.files.size)`
  const imported = run(process.execPath, ['--input-type=module', '-e', script], work)
  assert.equal(imported.code, 0, imported.stderr)
  assert.match(imported.stdout, /^true \d+\n$/)
})

test('npx runs the tarball', () => {
  const r = run('npx', ['--yes', `./${tarball}`, '--help'], scratch)
  assert.equal(r.code, 0, r.stderr)
  assert.match(r.stdout, /^coursemark: turn a folder of Markdown pages into a gated, self-paced training course\.\n/)
})
