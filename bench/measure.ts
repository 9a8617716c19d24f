/**
 * Timing a whole process, cold: wall time from spawn to exit on the
 * monotonic clock, and CPU time and peak memory from GNU time.
 *
 * Peak memory is the maximum resident set size that GNU time reports
 * (`/usr/bin/time -f %M`, from the kernel's rusage of the child): the same
 * measure for Node, Go and Ruby. Without GNU time, the CPU and memory figures
 * are missing and the wall times are still taken.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const GNU_TIME = '/usr/bin/time'

/** One run of a process. */
export interface ProcessRun {
  /** Wall time from spawn to exit, in milliseconds. */
  wallMs: number
  /** User plus system CPU time, in milliseconds; null without GNU time. */
  cpuMs: number | null
  /** Peak resident set size, in bytes; null without GNU time. */
  peakBytes: number | null
  /** What the command's `measure` read from its output; null without one. */
  measured: number | null
}

/** The median of several runs, each figure taken on its own. */
export interface ProcessStats {
  wallMs: number
  cpuMs: number | null
  peakBytes: number | null
  /** The median of what `measure` read from each run's output, or null. */
  measured: number | null
  /** How many runs the medians are of. */
  runs: number
}

/** A command to time: program, arguments and working folder. */
export interface Command {
  program: string
  args: string[]
  cwd: string
  /** Run before every run, untimed: e.g. removing the last run's output. */
  before?: () => void
  /** A figure the command prints about itself, read from its standard output. */
  measure?: (stdout: string) => number | null
}

const hasGnuTime = existsSync(GNU_TIME)

/** Run `command` once and time it; throws with its output when it fails. */
export function timeProcess(command: Command): ProcessRun {
  command.before?.()
  const scratch = mkdtempSync(join(tmpdir(), 'cm-bench-time-'))
  const report = join(scratch, 'rusage')
  const [program, args] = hasGnuTime
    ? [GNU_TIME, ['-f', '%U %S %M', '-o', report, '--', command.program, ...command.args]]
    : [command.program, command.args]
  try {
    const start = process.hrtime.bigint()
    const r = spawnSync(program, args, { cwd: command.cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 })
    const wallMs = Number(process.hrtime.bigint() - start) / 1e6
    if (r.error) throw r.error
    if (r.status !== 0) {
      throw new Error(
        `${command.program} ${command.args.join(' ')} exited with ${r.status ?? r.signal}:\n${r.stderr.toString()}${r.stdout.toString()}`,
      )
    }
    const measured = command.measure?.(r.stdout.toString()) ?? null
    if (!hasGnuTime) return { wallMs, cpuMs: null, peakBytes: null, measured }
    // GNU time writes "Command exited with non-zero status" lines first on failure; the figures are the last line.
    const last = readFileSync(report, 'utf8').trim().split('\n').pop() ?? ''
    const [user, sys, maxRssKb] = last.split(' ').map(Number)
    if (user === undefined || sys === undefined || maxRssKb === undefined || [user, sys, maxRssKb].some(Number.isNaN)) {
      throw new Error(`GNU time printed ${JSON.stringify(last)}`)
    }
    return { wallMs, cpuMs: (user + sys) * 1000, peakBytes: maxRssKb * 1024, measured }
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

/**
 * Time several commands over the same rounds: one warm-up run each
 * (untimed: it fills the file cache), then `runs` rounds in which each
 * command runs once, in turn. Interleaving puts the machine's noise on all of
 * them alike, so their ratios mean something on a busy machine.
 */
export function timeInterleaved(commands: Command[], runs: number, warmUp = true): ProcessStats[] {
  if (warmUp) for (const c of commands) timeProcess(c)
  const samples: ProcessRun[][] = commands.map(() => [])
  for (let round = 0; round < runs; round++) {
    for (const [i, c] of commands.entries()) samples[i]!.push(timeProcess(c))
  }
  return samples.map(summarize)
}

/** Medians of a set of runs. */
export function summarize(runs: ProcessRun[]): ProcessStats {
  const nullable = (xs: (number | null)[]): number | null =>
    xs.some((x) => x === null) ? null : median(xs as number[])
  return {
    wallMs: median(runs.map((r) => r.wallMs)),
    cpuMs: nullable(runs.map((r) => r.cpuMs)),
    peakBytes: nullable(runs.map((r) => r.peakBytes)),
    measured: nullable(runs.map((r) => r.measured)),
    runs: runs.length,
  }
}

/** The median; the mean of the middle two for an even count. */
export function median(xs: number[]): number {
  if (xs.length === 0) throw new Error('median of nothing')
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}
