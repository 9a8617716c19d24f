/**
 * LMS packages: `coursemark package --format scorm12` as a cold process,
 * beside the same course's build, and the largest suspend data a learner of
 * the course can make, judged against SCORM 1.2's 4,096 characters.
 *
 * The largest is found by encoding, as the runtime does, every state a
 * learner passes through: the first k pages done (gating makes the pages
 * done a run from the start) with an attempt on the next, for every k up to
 * the whole course.
 */
import { rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { manifestOf } from '../src/emit/runtime-manifest.ts'
import { compileCourse } from '../src/index.ts'
import { siteOptions } from '../src/pipeline/site-options.ts'
import { freshState } from '../src/runtime/progress-state.ts'
import { encodeSuspendData } from '../src/runtime/lms/suspend-data.ts'
import { codeCourse } from '../src/runtime/page-key.ts'
import type { BuildTiming } from './build-speed.ts'
import { type BenchCourse, ROOT } from './courses.ts'
import { type ProcessStats, timeInterleaved } from './measure.ts'
import { formatBytes, formatMs, formatRatio, judge, type Row } from './table.ts'

/** SCORM 1.2's `cmi.suspend_data` is a CMIString4096. */
export const SUSPEND_LIMIT = 4096

export interface PackageTiming {
  course: BenchCourse
  stats: ProcessStats
  /** The zip's size in bytes. */
  bytes: number
  /** The longest suspend data of any learner's progress in the course, in characters. */
  suspend: number
}

/** Times `coursemark package` on `course` and finds its largest suspend data. */
export async function timePackage(
  course: BenchCourse,
  scratch: string,
  runs: number,
  warmUp: boolean,
): Promise<PackageTiming> {
  const out = join(scratch, `package-${course.scale}-${course.name}.zip`)
  const [stats] = timeInterleaved(
    [
      {
        program: process.execPath,
        args: [
          join(ROOT, 'bin', 'coursemark.js'),
          'package',
          course.dir,
          '--format',
          'scorm12',
          '--out',
          out,
          '--base',
          course.base,
        ],
        cwd: ROOT,
        before: () => rmSync(out, { force: true }),
      },
    ],
    runs,
    warmUp,
  )
  return { course, stats: stats!, bytes: statSync(out).size, suspend: await largestSuspendData(course) }
}

async function largestSuspendData(course: BenchCourse): Promise<number> {
  const result = await compileCourse({ courseDir: course.dir, base: course.base, lms: true })
  if (!result.course) throw new Error(`${course.dir} does not build`)
  // The tag and page keys a package's pages name their progress with.
  const manifest = codeCourse(manifestOf(result.course, siteOptions({ base: course.base, lms: true }), null))
  // A seed as makeSeed makes it, and a bank hash as long as any (hash53 in base 36).
  const state = freshState('9f2c0a1b3d4e5f60')
  let largest = 0
  for (let k = 0; k <= manifest.pages.length; k++) {
    state.done = manifest.pages.slice(0, k).map((p) => p.id)
    const next = manifest.pages[k]
    state.attempts = Object.create(null) as typeof state.attempts
    if (next) state.attempts[next.id] = { bank: '1y2p0ij32e8e7', n: 99 }
    largest = Math.max(largest, encodeSuspendData(state, manifest).length)
  }
  return largest
}

/** A package row: its time beside the build's, judged on the largest suspend data. */
export function packageRow(t: PackageTiming, build: BuildTiming | null): Row {
  const ratio = build ? ` (${formatRatio(t.stats.wallMs / build.coursemark.wallMs)})` : ''
  return {
    name: `Package, ${t.course.name} (${t.course.pages} pages), SCORM 1.2`,
    coursemark: `${formatMs(t.stats.wallMs)} · zip ${formatBytes(t.bytes)}`,
    others: build ? `build of the same course ${formatMs(build.coursemark.wallMs)}${ratio}` : '—',
    measured: `largest suspend data ${t.suspend} characters`,
    budget: `≤ ${SUSPEND_LIMIT.toLocaleString('en')} characters`,
    verdict: judge(t.suspend, SUSPEND_LIMIT),
  }
}
