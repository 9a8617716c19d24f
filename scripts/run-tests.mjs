// Runs the test files with node's own test runner (TypeScript through tsx).
// `node scripts/run-tests.mjs` runs everything but the reference-corpus checks;
// `--corpus` runs only those (test/corpus/), which need ../shared/corpus/listen.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const corpus = process.argv.includes('--corpus')
const files = []
const walk = (dir) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    if (e.isDirectory()) walk(p)
    else if (e.name.endsWith('.test.ts')) files.push(relative(root, p))
  }
}
walk(join(root, 'test'))
const chosen = files.filter((f) => f.startsWith(join('test', 'corpus')) === corpus).sort()
// Two files at a time: node's default on a 2-core machine is one, and the browser
// tests mostly wait on Chromium, so a second file fills that time.
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...chosen], {
  cwd: root,
  stdio: 'inherit',
})
process.exit(r.status ?? 1)
