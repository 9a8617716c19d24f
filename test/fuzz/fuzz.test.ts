/**
 * The fuzz suite in `npm test` (issue 15): 300 generated courses, valid and
 * broken, on a fixed seed, every tenth one also as real processes (exit
 * codes, signals, peak memory). `npm run fuzz` runs as many as asked, on
 * any seed. A finding prints its case's seed, to replay it alone.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { tempDir } from '../helpers/temp.ts'
import { fuzz } from './fuzz.ts'

test('300 generated courses build and check as the issue asks: exit 0 or 1, every error placed, nothing lost, no leak', async () => {
  const report = await fuzz({
    cases: 300,
    seed: 15,
    processEvery: 10,
    parallel: 2,
    timeoutMs: 60_000,
    scratch: tempDir('cm-fuzz-'),
  })
  const summary = report.findings.map(
    (f) =>
      `case ${f.case} (replay: npm run fuzz -- --seed 15 --only ${f.case}) after ${f.mutations.join('; ') || 'no mutation'}:\n  ${f.problems.join('\n  ')}`,
  )
  assert.deepEqual(summary, [])
  assert.equal(report.cases, 300)
  // Both outcomes are exercised: some courses build, some fail.
  assert.ok(report.built > 30 && report.failed > 30, `${report.built} built, ${report.failed} failed`)
  assert.equal(report.processRuns, 30)
})
