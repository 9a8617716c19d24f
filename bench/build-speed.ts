/**
 * Build speed: `coursemark build` as a cold process, against Hugo and Jekyll
 * building the same pages in the same rounds.
 */
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { type BenchCourse, ROOT } from './courses.ts'
import { type Command, type ProcessStats, timeInterleaved } from './measure.ts'
import { hugoCommand, jekyllCommand, type Rival } from './rivals.ts'
import { formatBytes, formatMs, formatRatio, judge, type Row } from './table.ts'

/** Budgets from the speed issue (#13). */
export const BUILD_BUDGET = {
  /** coursemark / Hugo wall time on a course the corpus's size (and the sample, which is smaller). */
  vsHugo: 1.2,
  /** coursemark / Hugo wall time on the 100× course. */
  vsHugoAt100: 1.0,
  /** The build inside the process on the corpus, as the CLI times it, in ms. */
  inProcessMs: 30,
}

/**
 * The time `coursemark build` prints (`Built … in 96 ms`): from the command
 * starting to the site written, so without Node's start-up and the loading of
 * the bundle.
 */
export function builtInMs(stdout: string): number | null {
  const m = /^Built .* in (\d+(?:\.\d+)?) (ms|s)( with .*)?\.$/m.exec(stdout)
  return m ? Number(m[1]) * (m[2] === 's' ? 1000 : 1) : null
}

/** The timings of one course. */
export interface BuildTiming {
  course: BenchCourse
  coursemark: ProcessStats
  /** Null when Hugo is not installed. */
  hugo: ProcessStats | null
  /** Null when Jekyll is not installed or not run on this course. */
  jekyll: ProcessStats | null
  /** Node starting and exiting with nothing to do (`node -e 0`), in the same rounds; null when not asked for. */
  bareNode: ProcessStats | null
  /** coursemark's output of the last run, kept for the weight and runtime rows. */
  outDir: string
}

/** The machine's Hugo and Jekyll, each null when missing. */
export interface Rivals {
  hugo: Rival | null
  jekyll: Rival | null
}

/** How to time one course's builds. */
export interface BuildPlan {
  /** Timed rounds; each tool builds once per round. */
  runs: number
  /** One untimed round first (fills the file cache). */
  warmUp: boolean
  /** Jekyll too: only on the corpus, as its layout is quadratic in the collection's size (100× took 14 minutes). */
  withJekyll: boolean
  /** `node -e 0` too: the floor of any cold Node process here. */
  withBareNode: boolean
}

/** Build `course` with each tool, interleaved round by round. */
export function timeBuilds(course: BenchCourse, rivals: Rivals, scratch: string, plan: BuildPlan): BuildTiming {
  const outDir = join(scratch, `coursemark-${course.scale}-${course.name}-out`)
  const coursemark: Command = {
    program: process.execPath,
    args: [join(ROOT, 'bin', 'coursemark.js'), 'build', course.dir, '--out', outDir, '--base', course.base],
    cwd: ROOT,
    before: () => rmSync(outDir, { recursive: true, force: true }),
    measure: builtInMs,
  }
  const commands = [coursemark]
  if (rivals.hugo) commands.push(hugoCommand(rivals.hugo, course, scratch))
  const jekyll = plan.withJekyll && rivals.jekyll ? jekyllCommand(rivals.jekyll, course, scratch) : null
  if (jekyll) commands.push(jekyll)
  if (plan.withBareNode) commands.push({ program: process.execPath, args: ['-e', '0'], cwd: ROOT })
  const stats = timeInterleaved(commands, plan.runs, plan.warmUp)
  let i = 1
  return {
    course,
    coursemark: stats[0]!,
    hugo: rivals.hugo ? stats[i++]! : null,
    jekyll: jekyll ? stats[i++]! : null,
    bareNode: plan.withBareNode ? stats[i++]! : null,
    outDir,
  }
}

/** `0.42 s · 140 pages/s · CPU 0.50 s · 66 MB` */
function figures(stats: ProcessStats, pages: number): string {
  const parts = [formatMs(stats.wallMs), `${Math.round(pages / (stats.wallMs / 1000))} pages/s`]
  if (stats.cpuMs !== null) parts.push(`CPU ${formatMs(stats.cpuMs)}`)
  if (stats.peakBytes !== null) parts.push(formatBytes(stats.peakBytes))
  return parts.join(' · ')
}

function others(t: BuildTiming): string {
  const parts: string[] = []
  if (t.hugo) parts.push(`Hugo ${figures(t.hugo, t.course.pages)}`)
  if (t.jekyll) parts.push(`Jekyll ${figures(t.jekyll, t.course.pages)}`)
  if (t.bareNode)
    parts.push(
      `Node doing nothing (node -e 0) ${formatMs(t.bareNode.wallMs)}${t.bareNode.cpuMs === null ? '' : ` · CPU ${formatMs(t.bareNode.cpuMs)}`}`,
    )
  return parts.length ? parts.join('; ') : '—'
}

const vs = (t: BuildTiming, rival: ProcessStats | null): number | null =>
  rival ? t.coursemark.wallMs / rival.wallMs : null

function label(t: BuildTiming): string {
  return `Build, ${t.course.name} (${t.course.pages} pages)`
}

/** A row judged on coursemark / Hugo. */
function vsHugoRow(t: BuildTiming, limit: number): Row {
  const ratio = vs(t, t.hugo)
  const jekyll = vs(t, t.jekyll)
  const measured =
    ratio === null ? 'no Hugo' : `${formatRatio(ratio)} Hugo${jekyll === null ? '' : `, ${formatRatio(jekyll)} Jekyll`}`
  return {
    name: label(t),
    coursemark: figures(t.coursemark, t.course.pages),
    others: others(t),
    measured,
    budget: `≤ ${limit.toFixed(1)}× Hugo`,
    verdict: judge(ratio, limit),
  }
}

/**
 * The corpus's build inside the process, as the CLI times it, beside what
 * the rest of the process's wall time went to: Node starting (`node -e 0`)
 * and coursemark loading its bundle and exiting.
 */
function inProcessRow(t: BuildTiming): Row {
  const inside = t.coursemark.measured
  const node = t.bareNode?.wallMs ?? null
  const parts =
    inside === null
      ? ['the CLI printed no time']
      : [
          `build ${formatMs(inside)} of ${formatMs(t.coursemark.wallMs)} wall`,
          ...(node === null
            ? []
            : [
                `Node starting ${formatMs(node)}`,
                `loading and exiting ${formatMs(t.coursemark.wallMs - inside - node)}`,
              ]),
        ]
  return {
    name: `Build, ${t.course.name}, in process`,
    coursemark: parts.join(' · '),
    others: node === null ? '—' : `Node doing nothing (node -e 0) ${formatMs(node)}`,
    measured: inside === null ? '—' : formatMs(inside),
    budget: `≤ ${BUILD_BUDGET.inProcessMs} ms`,
    verdict: judge(inside, BUILD_BUDGET.inProcessMs),
  }
}

/**
 * A row judged on growth: coursemark's time at `big` over its time at
 * `small`, against the ratio of their sizes. At most that ratio is linear
 * (or better: start-up weighs less in a bigger course); more means some
 * step grows faster than the course.
 */
function growthRow(
  name: string,
  coursemarkFigures: string,
  otherFigures: string,
  small: BuildTiming,
  big: BuildTiming,
): Row {
  const growth = big.coursemark.wallMs / small.coursemark.wallMs
  const size = big.course.pages / small.course.pages
  const hugo = small.hugo && big.hugo ? `; Hugo ${formatRatio(big.hugo.wallMs / small.hugo.wallMs)}` : ''
  return {
    name,
    coursemark: coursemarkFigures,
    others: otherFigures,
    measured: `time ${formatRatio(growth)} for ${formatRatio(size)} pages${hugo}`,
    budget: `≤ ${formatRatio(size)} (linear)`,
    verdict: judge(growth, size),
  }
}

/**
 * The build rows: the sample and the corpus against Hugo, 10× judged on
 * growth from the corpus, 100× against Hugo, then growth from 10× to 100×
 * (where a step that grows faster than the course would show).
 */
export function buildRows(
  sample: BuildTiming,
  corpus: BuildTiming | null,
  x10: BuildTiming | null,
  x100: BuildTiming | null,
): Row[] {
  const rows = [vsHugoRow(sample, BUILD_BUDGET.vsHugo)]
  if (corpus) rows.push(vsHugoRow(corpus, BUILD_BUDGET.vsHugo), inProcessRow(corpus))
  if (corpus && x10) {
    const ratio = vs(x10, x10.hugo)
    const perPage = `${formatMs(x10.coursemark.wallMs / x10.course.pages)}/page`
    rows.push(
      growthRow(
        label(x10),
        `${figures(x10.coursemark, x10.course.pages)} · ${perPage}`,
        `${others(x10)}${ratio === null ? '' : ` (coursemark ${formatRatio(ratio)})`}`,
        corpus,
        x10,
      ),
    )
  }
  if (x100) rows.push(vsHugoRow(x100, BUILD_BUDGET.vsHugoAt100))
  if (corpus && x10 && x100) {
    const overall = `100×/corpus: ${formatRatio(x100.coursemark.wallMs / corpus.coursemark.wallMs)}; per page ${[corpus, x10, x100].map((t) => formatMs(t.coursemark.wallMs / t.course.pages)).join(', ')}`
    rows.push(growthRow('Build growth, 10× → 100×', overall, '—', x10, x100))
  }
  return rows
}
