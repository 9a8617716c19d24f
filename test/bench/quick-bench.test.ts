/**
 * `npm run bench -- --quick` as a process: the bench works and prints its one
 * table. Speed is never asserted here (the machines are shared and noisy);
 * only the table's shape and the exit code's meaning are.
 */
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

test('the quick bench prints one table whose every row has a budget and a verdict', () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'run.ts'), '--quick'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 240_000,
  })
  // 0 all within budget, 1 some row over budget: both are a working bench.
  assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}\n${r.stderr}`)

  const lines = r.stdout.split('\n')
  const table = lines.filter((l) => l.startsWith('|'))
  const first = lines.findIndex((l) => l.startsWith('|'))
  assert.equal(lines.slice(first, first + table.length).length, table.length, 'the table is one block of lines')
  const cells = (line: string) =>
    line
      .slice(1, -1)
      .split('|')
      .map((c) => c.trim())
  assert.deepEqual(cells(table[0]!), ['Measure', 'coursemark', 'Compared with', 'Judged', 'Budget', 'Result'])
  assert.match(table[1]!, /^\|-+(\|-+)+\|$/)

  const rows = table.slice(2).map(cells)
  const names = rows.map((c) => c[0]!)
  for (const start of [
    'Build, sample (11 pages)',
    'Dev rebuild, sample',
    'Weight, sample index',
    'Weight, sample chapter',
    'Weight, sample section with quiz',
    'Runtime, sample',
    'Linear time, one long line',
    'Linear time, many unclosed tags',
    'Linear time, a wide table',
    'npm package, tarball',
    'npm package, installed',
  ]) {
    assert.ok(
      names.some((n) => n.startsWith(start)),
      `a row starts with "${start}" in:\n${names.join('\n')}`,
    )
  }
  for (const row of rows) {
    assert.equal(row.length, 6, `six cells in ${row.join(' | ')}`)
    assert.match(row[4]!, /^≤ /, `a budget in ${row.join(' | ')}`)
    assert.ok(['pass', 'over budget', 'not measured'].includes(row[5]!), `a verdict in ${row.join(' | ')}`)
  }
  const over = rows.filter((c) => c[5] === 'over budget').length
  assert.equal(r.status, over ? 1 : 0, 'exit 1 exactly when a row is over budget')
})
