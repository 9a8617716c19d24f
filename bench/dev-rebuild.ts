/**
 * Dev rebuild: `coursemark dev` on a copy of a course, one edit to one
 * section, timed until the reload is sent to the browser.
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { type BenchCourse, ROOT } from './courses.ts'
import { formatMs, judge, type Row } from './table.ts'

export const DEV_BUDGET_MS = 30

/** The figures of the dev row, or why there are none. */
export type DevTiming = { ok: true; rebuildMs: number; runs: number; how: string } | { ok: false; why: string }

/** Null when this coursemark has a `dev` command, else why it cannot be timed. */
function devMissing(): string | null {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'coursemark.js'), 'dev', '--help'], { encoding: 'utf8' })
  return r.status === 0 ? null : 'coursemark has no `dev` command yet (issue 5)'
}

export async function timeDevRebuild(_course: BenchCourse, _runs: number): Promise<DevTiming> {
  const missing = devMissing()
  if (missing) return { ok: false, why: missing }
  return { ok: false, why: '`coursemark dev` exposes no rebuild timing yet' }
}

export function devRow(t: DevTiming, courseName: string): Row {
  const name = `Dev rebuild, ${courseName}: one section edited`
  const budget = `≤ ${DEV_BUDGET_MS} ms`
  if (!t.ok) return { name, coursemark: t.why, others: '—', measured: '—', budget, verdict: 'not measured' }
  return {
    name,
    coursemark: `${formatMs(t.rebuildMs)} (median of ${t.runs}; ${t.how})`,
    others: '—',
    measured: `edit to reload sent ${formatMs(t.rebuildMs)}`,
    budget,
    verdict: judge(t.rebuildMs, DEV_BUDGET_MS),
  }
}
