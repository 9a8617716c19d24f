/**
 * What `coursemark build` prints while it works and when asked to be quiet.
 * The progress line depends on the terminal and on time, so it is tested by
 * calling the command's function with a stand-in terminal and clock; --quiet
 * is tested as a process.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { type BuildIo, runBuild } from '../../src/cli/build.ts'
import { cli, tempPath, validCourse, writeCourse } from '../helpers/course.ts'

/** A terminal (or not) that keeps what is written to it, and a clock that moves `step` ms at each look. */
function io(options: { isTTY: boolean; env?: Record<string, string>; step: number; columns?: number }): BuildIo & {
  out: string[]
  err: string[]
} {
  const out: string[] = []
  const err: string[] = []
  let t = 0
  return {
    stdout: { isTTY: options.isTTY, columns: 80, write: (s: string) => out.push(s) },
    stderr: { isTTY: options.isTTY, columns: options.columns ?? 80, write: (s: string) => err.push(s) },
    env: options.env ?? {},
    now: () => (t += options.step),
    out,
    err,
  }
}

const build = (terminal: BuildIo) =>
  runBuild({ dir: writeCourse({}, validCourse()), out: tempPath(), base: '/', quiet: false }, terminal)

/** Back to the line's start, the step and its count, the rest of the line erased (ESC [ K). */
const ERASE = '\x1b[K'
const PROGRESS = /^\r(Reading pages|Rendering pages|Writing files): \d+\/\d+$/

test('on a terminal, a build that takes over a second shows its progress on one line, erased at the end', async () => {
  // A pseudo-terminal without a size (as under `script`) has 0 columns.
  const t = io({ isTTY: true, step: 400, columns: 0 })
  assert.equal(await build(t), 0)
  const lines = t.err.slice(0, -1)
  assert.ok(lines.length > 0, 'progress was shown')
  for (const line of lines) {
    assert.ok(line.endsWith(ERASE), JSON.stringify(line))
    assert.match(line.slice(0, -ERASE.length), PROGRESS)
  }
  assert.ok(lines.includes(`\rRendering pages: 3/3${ERASE}`), lines.join(' | '))
  assert.equal(t.err.at(-1), `\r${ERASE}`, 'the line is erased before anything else is printed')
  assert.match(t.out.join(''), /^Built 3 pages /)
})

test('no progress for a build under a second, through a pipe, in CI, with NO_COLOR or TERM=dumb', async () => {
  for (const t of [
    io({ isTTY: true, step: 0 }),
    io({ isTTY: false, step: 400 }),
    io({ isTTY: true, step: 400, env: { CI: 'true' } }),
    io({ isTTY: true, step: 400, env: { NO_COLOR: '1' } }),
    io({ isTTY: true, step: 400, env: { TERM: 'dumb' } }),
  ]) {
    assert.equal(await build(t), 0)
    assert.deepEqual(t.err, [], JSON.stringify(t.env))
    assert.match(t.out.join(''), /^Built 3 pages /)
  }
})

test('build --quiet prints nothing for a course that builds, and only the errors for one that does not', () => {
  // A <script> in a page earns a note; a quiet build does not print it.
  const withScript = { 'ch1.md': `${validCourse()['ch1.md']}\n<script>old()</script>\n` }
  const noted = writeCourse(withScript, validCourse())
  assert.match(cli(['build', noted, '--out', tempPath()]).stderr, /note: /)
  const quiet = cli(['build', noted, '--out', tempPath(), '--quiet'])
  assert.deepEqual([quiet.code, quiet.stdout, quiet.stderr], [0, '', ''])

  const broken = writeCourse(
    { ...withScript, 's1.md': '---\ntitle: S\nclass: section\nserial: two\n---\n' },
    validCourse(),
  )
  const failed = cli(['build', broken, '--out', tempPath(), '-q'])
  assert.equal(failed.code, 1)
  assert.equal(failed.stdout, '')
  assert.match(failed.stderr, /^s1\.md:4:9: error: /)
  assert.doesNotMatch(failed.stderr, /note: /)
  assert.match(failed.stderr, /\nBuild failed: 1 error, 1 note\. Nothing was written\.\n$/)
})
