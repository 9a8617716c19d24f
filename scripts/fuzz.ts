/**
 * `npm run fuzz`: the fuzz suite of test/fuzz/ for long runs (issue 15).
 *
 *   npm run fuzz -- [--cases N] [--seed S] [--process-every K] [--only N] [--keep DIR] [--kills K]
 *
 * --cases N          generated courses (default 1000)
 * --seed S           the run's seed (default: random, printed)
 * --process-every K  every Kth case also runs as processes (default 4; 1: every case)
 * --only N           replay case N of seed S alone
 * --keep DIR         copy the course of each failing case into DIR
 * --kills K          then kill K builds of a 100× course at random moments (test/helpers/killed-builds.ts)
 *
 * Prints a line per finding with its seed and case, and a summary; exits 1
 * when anything was found.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { fuzz } from '../test/fuzz/fuzz.ts'
import { killBuilds } from '../test/helpers/killed-builds.ts'

const { values } = parseArgs({
  options: {
    cases: { type: 'string' },
    seed: { type: 'string' },
    'process-every': { type: 'string' },
    only: { type: 'string' },
    keep: { type: 'string' },
    kills: { type: 'string' },
  },
  strict: true,
})
const number = (v: string | undefined, fallback: number) => {
  const n = v === undefined ? fallback : Number(v)
  if (!Number.isInteger(n)) {
    process.stderr.write(`fuzz: ${JSON.stringify(v)} is not a whole number\n`)
    process.exit(2)
  }
  return n
}
const seed = number(values.seed, (Math.random() * 2 ** 31) | 0)
const log = (line: string) => process.stderr.write(`fuzz: ${line}\n`)
const scratch = mkdtempSync(join(tmpdir(), 'coursemark-fuzz-'))
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    rmSync(scratch, { recursive: true, force: true })
    process.exit(130)
  })
}
let found = 0
try {
  const only = values.only === undefined ? undefined : number(values.only, 0)
  const cases = number(values.cases, 1000)
  log(`seed ${seed}, ${only === undefined ? `${cases} cases` : `case ${only}`}`)
  const report = await fuzz({
    cases,
    seed,
    processEvery: number(values['process-every'], 4),
    parallel: 2,
    timeoutMs: 60_000,
    scratch,
    ...(only === undefined ? {} : { only }),
    ...(values.keep ? { keep: values.keep } : {}),
    log,
  })
  for (const f of report.findings) {
    console.log(`FINDING seed ${seed} case ${f.case} (replay: npm run fuzz -- --seed ${seed} --only ${f.case})`)
    console.log(`  after: ${f.mutations.join('; ') || 'no mutation'}`)
    for (const p of f.problems) console.log(`  ${p.slice(0, 2000)}`)
  }
  found += report.findings.length
  const kinds = [...report.mutations].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`)
  console.log(
    `Seed ${seed}: ${report.cases} cases in ${(report.ms / 1000).toFixed(0)} s; ${report.built} built, ${report.failed} failed with errors; ${report.processRuns} builds also as processes (peak ${Math.round(report.peakMb)} MB); mutations: ${kinds.join(', ')}; findings: ${report.findings.length}.`,
  )
  const kills = number(values.kills, 0)
  if (kills > 0) {
    const k = await killBuilds({ scale: 100, kills, seed, scratch: join(scratch, 'kills'), log })
    console.log(
      `Killed ${kills} builds of a 100× course (a full build: ${k.buildMs} ms): the output held the old site ${k.old} times, the new one ${k.new} times${k.midSwap ? `, and ${k.midSwap} times the old site stood beside it, put back by the next build` : ''}.`,
    )
  }
} catch (e) {
  console.log(`FINDING seed ${seed}: ${(e as Error).message}`)
  found++
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
process.exitCode = found ? 1 : 0
