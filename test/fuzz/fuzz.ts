/**
 * The fuzz suite (issue 15): courses generated valid (course-gen.ts) and
 * then broken (mutations.ts) are built and checked, over a site built
 * before, and each must meet what the issue asks:
 *
 * - build and check exit 0 or 1, never 70, a signal or a timeout, and print
 *   no stack trace; a process peaks under 1 GiB of memory;
 * - check agrees with build: the same exit code, and build reports exactly
 *   the errors check does;
 * - on exit 1: at least one error names a course file (or the course as a
 *   whole, when it has no index or no pages), and the previous site is
 *   byte for byte as it was;
 * - on exit 0: every page is sound (site-oracle.ts);
 * - either way, no temporary folder is left beside the site.
 *
 * Each case has its own seed, derived from the run's seed and its number,
 * so any case can be replayed alone (`npm run fuzz -- --seed S --only N`).
 */
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { placeOf } from '../../src/diagnostics/format.ts'
import { ROOT } from '../helpers/course.ts'
import { siteTree } from '../helpers/site-tree.ts'
import { type CourseFiles, validCourse } from './course-gen.ts'
import { type Mutation, mutation } from './mutations.ts'
import { type CommandRun, runProcess, WorkerPool } from './run-command.ts'
import { siteProblems } from './site-oracle.ts'

export interface FuzzOptions {
  cases: number
  seed: number
  /** Every Nth case also runs as processes (exit codes, signals, memory); the rest in-process only. 1: all. */
  processEvery: number
  /** Cases run at once. */
  parallel: number
  /** Longest a command may take. */
  timeoutMs: number
  /** An empty folder to work in. */
  scratch: string
  /** Run only this case. */
  only?: number
  /** Keep the course of each failing case here. */
  keep?: string
  log?: (line: string) => void
}

export interface Finding {
  case: number
  caseSeed: number
  mutations: string[]
  problems: string[]
}

export interface FuzzReport {
  cases: number
  /** How many builds exited 0 and 1 (in-process runs). */
  built: number
  failed: number
  /** Commands run as processes, and the highest peak memory among them (MB). */
  processRuns: number
  peakMb: number
  /** How often each kind of mutation was applied. */
  mutations: Map<string, number>
  findings: Finding[]
  ms: number
}

/** A generated case: a valid course and 0 to 3 mutations (none in a quarter of cases). */
const fuzzCase = fc.tuple(
  validCourse,
  fc.oneof(
    { weight: 1, arbitrary: fc.constant([]) },
    { weight: 3, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }) },
  ),
)

/** The seed of case `n` of a run with seed `seed`. */
export function caseSeed(seed: number, n: number): number {
  return (Math.imul(seed ^ 0x9e3779b9, 2654435761) + Math.imul(n + 1, 40503)) | 0
}

export async function fuzz(o: FuzzOptions): Promise<FuzzReport> {
  const started = Date.now()
  const template = join(o.scratch, 'previous-site')
  const before = await runProcess(['build', join(ROOT, 'example'), '--out', template], o.timeoutMs)
  if (before.code !== 0) throw new Error(`cannot build the previous site: ${before.stderr}`)
  const templateTree = treeText(template)
  const pool = new WorkerPool(o.parallel, o.timeoutMs, 1024)
  const report: FuzzReport = {
    cases: 0,
    built: 0,
    failed: 0,
    processRuns: 0,
    peakMb: 0,
    mutations: new Map(),
    findings: [],
    ms: 0,
  }
  const numbers = o.only === undefined ? Array.from({ length: o.cases }, (_, n) => n) : [o.only]
  let next = 0
  const lane = async () => {
    while (next < numbers.length) {
      const n = numbers[next++]!
      await runCase(n, o, { pool, template, templateTree, report })
    }
  }
  try {
    await Promise.all(Array.from({ length: o.parallel }, lane))
  } finally {
    pool.close()
  }
  report.ms = Date.now() - started
  return report
}

interface Shared {
  pool: WorkerPool
  template: string
  templateTree: string
  report: FuzzReport
}

async function runCase(n: number, o: FuzzOptions, s: Shared): Promise<void> {
  const seed = caseSeed(o.seed, n)
  const [course, mutations] = fc.sample(fuzzCase, { seed, numRuns: 1 })[0]!
  for (const m of mutations) m.apply(course)
  const dir = join(o.scratch, `case-${n}`)
  const courseDir = join(dir, 'course')
  writeCourse(courseDir, course)
  const problems: string[] = []
  const ways: ('in-process' | 'process')[] = n % o.processEvery === 0 ? ['in-process', 'process'] : ['in-process']
  for (const how of ways) {
    const site = join(dir, `site-${how}`)
    cpSync(s.template, site, { recursive: true })
    const run = (args: string[]) => (how === 'process' ? runProcess(args, o.timeoutMs) : s.pool.run(args))
    const build = await run(['build', courseDir, '--out', site])
    const check = await run(['check', courseDir, '--format', 'json'])
    problems.push(
      ...caseProblems({ build, check, courseDir, site, templateTree: s.templateTree }).map((p) => `${how}: ${p}`),
    )
    tally(s.report, build)
  }
  s.report.cases++
  for (const m of mutations) s.report.mutations.set(m.kind, (s.report.mutations.get(m.kind) ?? 0) + 1)
  if (problems.length) {
    s.report.findings.push({ case: n, caseSeed: seed, mutations: mutations.map((m: Mutation) => m.name), problems })
    o.log?.(
      `case ${n} (seed ${o.seed}, case seed ${seed}): ${problems.length} problems, after ${mutations.map((m) => m.name).join('; ') || 'no mutation'}`,
    )
    if (o.keep) cpSync(courseDir, join(o.keep, `case-${n}`), { recursive: true, verbatimSymlinks: true })
  }
  rmSync(dir, { recursive: true, force: true })
  if ((n + 1) % 500 === 0) o.log?.(`${n + 1} cases run, ${s.report.findings.length} with findings`)
}

function tally(report: FuzzReport, build: CommandRun): void {
  if (build.how === 'process') {
    report.processRuns++
    report.peakMb = Math.max(report.peakMb, (build.rssKb ?? 0) / 1024)
  } else if (build.code === 0) report.built++
  else if (build.code === 1) report.failed++
}

/** Course-level errors that name no file: the course has no index or no pages at all. */
const COURSE_LEVEL = new Set(['course/no-index', 'course/empty', 'load/no-pages'])
const STACK = /internal error|^\s+at .+:\d+:\d+\)?$/m

interface CaseRuns {
  build: CommandRun
  check: CommandRun
  courseDir: string
  site: string
  templateTree: string
}

/** Every way a case's build and check fall short of the issue's list. */
export function caseProblems({ build, check, courseDir, site, templateTree }: CaseRuns): string[] {
  const problems: string[] = []
  for (const [name, run] of [
    ['build', build],
    ['check', check],
  ] as const) {
    if (run.timedOut) problems.push(`${name} timed out`)
    else if (run.code !== 0 && run.code !== 1)
      problems.push(`${name} exited ${run.code} (signal ${run.signal}): ${run.stderr.slice(0, 1500)}`)
    if (STACK.test(run.stderr + run.stdout))
      problems.push(`${name} printed a stack trace: ${run.stderr.slice(0, 1500)}`)
    if (run.rssKb !== null && run.rssKb > 1024 * 1024)
      problems.push(`${name} peaked at ${Math.round(run.rssKb / 1024)} MB`)
  }
  if (problems.length) return problems
  const errors = checkErrors(check, problems)
  if (build.code !== check.code) problems.push(`build exited ${build.code} but check ${check.code}`)
  const summary = /Build failed: (\d+) errors?/.exec(build.stderr)
  if (build.code === 1 && Number(summary?.[1]) !== errors.length)
    problems.push(
      `build reports ${summary?.[1] ?? 'no'} errors, check ${errors.length}: ${build.stderr.slice(0, 1500)}`,
    )
  for (const e of errors) if (!build.stderr.includes(e.header)) problems.push(`build does not report: ${e.header}`)
  if (build.code === 1) {
    if (!errors.some((e) => (e.file && exists(join(courseDir, e.file))) || COURSE_LEVEL.has(e.code)))
      problems.push(`no error names a course file: ${errors.map((e) => e.header).join(' | ')}`)
    if (treeText(site) !== templateTree) problems.push('a failed build changed the previous site')
  } else if (build.code === 0) problems.push(...siteProblems(site, courseDir).slice(0, 20))
  const left = readdirSync(join(site, '..')).filter((f) => f.includes('.coursemark-'))
  if (left.length) problems.push(`left beside the site: ${left.join(', ')}`)
  return problems
}

/** The errors of check's JSON report, each with the header line the terminal report would print. */
function checkErrors(check: CommandRun, problems: string[]): { file: string; code: string; header: string }[] {
  let report: {
    diagnostics: { severity: string; file: string; line: number; column: number; code: string; message: string }[]
  }
  try {
    report = JSON.parse(check.stdout)
  } catch {
    problems.push(`check printed no JSON report: ${check.stdout.slice(0, 300)}`)
    return []
  }
  return report.diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => ({
      file: d.file,
      code: d.code,
      header: `${d.file ? `${placeOf({ ...d, severity: 'error' })}: ` : ''}error: ${d.message} [${d.code}]`,
    }))
}

function exists(path: string): boolean {
  try {
    lstatSync(path)
    return true
  } catch {
    return false
  }
}

/** Writes the course's files (and links) under `dir`. */
function writeCourse(dir: string, files: CourseFiles): void {
  for (const [path, content] of files) {
    const abs = join(dir, path)
    try {
      mkdirSync(join(abs, '..'), { recursive: true })
      if (typeof content === 'object' && 'symlink' in content) symlinkSync(content.symlink, abs)
      else writeFileSync(abs, content)
    } catch {
      // A name the mutations made clash with another (a file where a folder is): the course is as far as it goes.
    }
  }
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true })
}

function treeText(dir: string): string {
  return existsSync(dir) ? JSON.stringify([...siteTree(dir)].sort()) : 'missing'
}
