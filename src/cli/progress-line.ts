/**
 * A long build's progress on a terminal, as one line redrawn in place:
 *
 *   Rendering pages: 2400/5801
 *
 * Shown only on a terminal, and only once the build has taken a second (a
 * small course never sees it); never in CI logs, with NO_COLOR or TERM=dumb,
 * or through a pipe. Redrawn at most ten times a second, and erased when
 * the build ends, so the lines printed after it start clean.
 */
import type { BuildProgress } from '../pipeline/compile-course.ts'

/** Where the line goes: process.stderr, or a stand-in for tests. */
export interface Terminal {
  isTTY?: boolean
  /** Its width; 0 or missing (a pseudo-terminal without a size) counts as 80. */
  columns?: number
  write: (text: string) => unknown
}

export interface ProgressLine {
  /** Takes the pipeline's progress; draws when it is time to. */
  update: BuildProgress
  /** Erases the line, if one was drawn. */
  end: () => void
}

const SHOW_AFTER_MS = 1000
const REDRAW_EVERY_MS = 100
const STEPS: Record<Parameters<BuildProgress>[0], string> = {
  parse: 'Reading pages',
  render: 'Rendering pages',
  write: 'Writing files',
}

/** A monotonic clock in ms (not `performance.now()`: the global `performance` loads perf_hooks when first touched). */
export function milliseconds(): number {
  return Number(process.hrtime.bigint()) / 1e6
}

/** The progress line for `terminal`, or null where none may be shown. `now` is a clock in ms. */
export function progressLine(
  terminal: Terminal,
  env: Record<string, string | undefined>,
  now: () => number = milliseconds,
): ProgressLine | null {
  const set = (name: string) => env[name] !== undefined && env[name] !== '' && env[name] !== 'false'
  if (!terminal.isTTY || set('CI') || set('NO_COLOR') || env['TERM'] === 'dumb') return null
  const started = now()
  let drawnAt = -Infinity
  let drawn = false
  return {
    update: (step, done, total) => {
      const t = now()
      if (t - started < SHOW_AFTER_MS || (t - drawnAt < REDRAW_EVERY_MS && done < total)) return
      const text = `${STEPS[step]}: ${done}/${total}`.slice(0, Math.max(0, (terminal.columns || 80) - 1))
      // Back to the line's start, the text, then the rest of the line erased.
      terminal.write(`\r${text}\x1b[K`)
      drawnAt = t
      drawn = true
    },
    end: () => {
      if (drawn) terminal.write('\r\x1b[K')
      drawn = false
    },
  }
}
