/**
 * `npm run bench`: speed, scale and weight against the budgets of issues 3,
 * 4, 5, 6, 11, 13 and 14, side by side with Hugo and Jekyll, and linear time on
 * hostile pages (issue 15), as one table.
 *
 *   node --import tsx bench/run.ts [--runs N] [--quick] [--keep]
 *
 * --runs N  timed runs per build and per browser visit, after a warm-up (default 5)
 * --quick   the sample course only, one run, no warm-up: checks that the bench works
 * --keep    leave the temporary folder (synthetic courses, built sites) in place
 *
 * Progress goes to stderr; stdout is the machine, notes and the table. Exits 1
 * when any row is over budget: speed is judged here, by medians, and never
 * by a timed test.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { buildRows, timeBuilds, type BuildTiming, type Rivals } from './build-speed.ts'
import { corpusCourse, sampleCourse, scaledCourse, CORPUS_DIR } from './courses.ts'
import { devRow, timeDevRebuild } from './dev-rebuild.ts'
import { linearTimeRows } from './linear-time.ts'
import { GNU_TIME } from './measure.ts'
import { measurePackage, packageRows } from './package-size.ts'
import { packageRow, timePackage } from './package-speed.ts'
import { findHugo, findJekyll } from './rivals.ts'
import { runtimeRows, runtimeUnavailable, timeRuntime } from './runtime-speed.ts'
import { formatTable, type Row } from './table.ts'
import { weighSite, weightRows } from './weight.ts'

const { values } = parseArgs({
  options: { runs: { type: 'string' }, quick: { type: 'boolean' }, keep: { type: 'boolean' } },
  strict: true,
})
const quick = values.quick ?? false
const runs = quick ? 1 : Number(values.runs ?? 5)
if (!Number.isInteger(runs) || runs < 1) {
  process.stderr.write(`--runs takes a whole number of runs, at least 1, not ${JSON.stringify(values.runs)}\n`)
  process.exit(2)
}

const progress = (message: string) => process.stderr.write(`bench: ${message}\n`)
const notes: string[] = []

const rivals: Rivals = { hugo: findHugo(), jekyll: findJekyll() }
if (!rivals.hugo)
  notes.push(
    'hugo is not installed (apt-get install hugo): no Hugo figures, and the rows judged against Hugo are not measured.',
  )
if (!rivals.jekyll) notes.push('jekyll is not installed (apt-get install jekyll): no Jekyll figures.')
if (!existsSync(GNU_TIME))
  notes.push(`${GNU_TIME} is missing (apt-get install time): wall times only, no CPU time or peak memory.`)

const loadBefore = loadavg()[0]!
const scratch = mkdtempSync(join(tmpdir(), 'coursemark-bench-'))
const rows: Row[] = []
try {
  const sample = sampleCourse()
  progress(`building the sample course (${sample.pages} pages), ${runs} run${runs > 1 ? 's' : ''} per tool`)
  const sampleTiming = timeBuilds(sample, rivals, scratch, {
    runs,
    warmUp: !quick,
    withJekyll: false,
    withBareNode: true,
  })

  const corpus = quick ? null : corpusCourse()
  if (!quick && !corpus) notes.push(`No reference corpus at ${CORPUS_DIR}: the corpus, 10× and 100× rows are left out.`)
  let corpusTiming: BuildTiming | null = null
  let x10: BuildTiming | null = null
  let x100: BuildTiming | null = null
  if (corpus) {
    progress(`building the corpus (${corpus.pages} pages)`)
    corpusTiming = timeBuilds(corpus, rivals, scratch, { runs, warmUp: true, withJekyll: true, withBareNode: true })
    for (const scale of [10, 100]) {
      const course = scaledCourse(corpus, scale, scratch)
      progress(`building the ${course.name} course (${course.pages} pages)`)
      const t = timeBuilds(course, rivals, scratch, { runs, warmUp: true, withJekyll: false, withBareNode: false })
      if (scale === 10) x10 = t
      else x100 = t
    }
  }
  rows.push(...buildRows(sampleTiming, corpusTiming, x10, x100))

  // LMS packages of the corpus and the 100× course (the sample with --quick).
  for (const built of (corpusTiming ? [corpusTiming, x100] : [sampleTiming]).filter((t) => t !== null)) {
    progress(`packaging the ${built.course.name} course as SCORM 1.2`)
    rows.push(packageRow(await timePackage(built.course, scratch, runs, !quick), built))
  }

  // The corpus when it is here, else the sample, for the rest.
  const site = corpusTiming ?? sampleTiming
  progress(`weighing the ${site.course.name}'s pages`)
  const weights = weighSite(site.outDir, site.course.base)
  rows.push(...weightRows(weights, site.course.name))
  // The dev and runtime rows use the heaviest section with a quiz, as the weight row judges.
  const section = weights.filter((w) => w.kind === 'section' && w.quiz).sort((a, b) => b.total.gzip - a.total.gzip)[0]

  progress(`dev rebuild on the ${site.course.name}`)
  rows.push(
    devRow(
      section
        ? await timeDevRebuild(site.course, section.id, scratch, runs)
        : { ok: false, why: 'no section with a quiz' },
      site.course.name,
    ),
  )

  progress('building pages of hostile shapes at three sizes (linear time)')
  rows.push(...linearTimeRows(scratch, runs, quick))

  // The runtime rows: the corpus' heaviest quiz section and the sample's, each against its bare twin.
  const why = runtimeUnavailable()
  for (const built of corpusTiming ? [corpusTiming, sampleTiming] : [sampleTiming]) {
    const heaviest = weighSite(built.outDir, built.course.base)
      .filter((w) => w.kind === 'section' && w.quiz)
      .sort((a, b) => b.total.gzip - a.total.gzip)[0]
    progress(`runtime in Chromium on the ${built.course.name}`)
    const runtime =
      why || !heaviest
        ? null
        : await timeRuntime(
            built.course.dir,
            built.outDir,
            built.course.base,
            heaviest.id,
            quick ? 1 : Math.max(runs, 7),
            quick,
          )
    rows.push(...runtimeRows(runtime, built.course.name, why ?? 'no section with a quiz'))
  }

  progress('packing the package and installing the tarball')
  rows.push(...packageRows(measurePackage(scratch)))
} finally {
  if (values.keep) progress(`kept ${scratch}`)
  else rmSync(scratch, { recursive: true, force: true })
}

const cpu = /^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown CPU'
const tools = [rivals.hugo?.version, rivals.jekyll?.version].filter(Boolean).join(', ')
console.log(
  `Machine: ${availableParallelism()} cores (nproc), ${cpu}; Node ${process.version}${tools ? `; ${tools}` : ''}.`,
)
console.log(
  `Load average (1 min) ${loadBefore.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end: other work on the machine slows every figure alike.`,
)
console.log(
  `Medians of ${runs} run${runs > 1 ? 's' : ''}${quick ? '' : ' after a warm-up'}; builds are cold processes, timed in turn round by round; memory is peak RSS from ${GNU_TIME} (%M); gzip is zlib level 9; KB = 1000 bytes.`,
)
for (const note of notes) console.log(`Note: ${note}`)
console.log('')
console.log(formatTable(rows))
const over = rows.filter((r) => r.verdict === 'over budget').length
console.log('')
console.log(over ? `${over} of ${rows.length} rows over budget.` : `All ${rows.length} rows within budget.`)
process.exitCode = over ? 1 : 0
