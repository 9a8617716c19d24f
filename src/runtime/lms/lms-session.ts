/**
 * One launch's session with the LMS, held by the package's launch page for
 * as long as the learner has the course open, whichever page they are on.
 *
 * It keeps SCORM's rules in one place: Initialize("") once and Terminate("")
 * once, nothing before or after; every value a string; exit `suspend` from
 * the start, so a crash or a closed tab still resumes; Commit after every
 * change; never lower a status the LMS already holds; and never read an
 * element that may not be set yet (a 2004 LMS answers that with an error
 * code), so suspend data and location are read only when resuming.
 */
import type { ScormApi, ScormDialect } from './scorm-dialect.ts'

export class LmsSession {
  /** True when the learner comes back to an attempt (`entry` is `resume`). */
  readonly resumed: boolean
  /** The page the learner was on at the end of the last launch (a path in the package); `''` when none. */
  readonly storedLocation: string
  private isOpen = true
  /** True once the LMS records the course as finished: status and score are then never written again. */
  private finished: boolean
  private readonly startedAt: number
  private lastProgress: string
  private lastPercent = -1
  private lastLocation = ''

  /** Initializes a session with `api`; null when there is no API or the LMS refuses. */
  static open(api: ScormApi | null, dialect: ScormDialect, now: () => number): LmsSession | null {
    if (!api || call(api, dialect.fn.initialize, '') !== 'true') return null
    return new LmsSession(api, dialect, now)
  }

  private constructor(
    private readonly api: ScormApi,
    private readonly dialect: ScormDialect,
    private readonly now: () => number,
  ) {
    this.startedAt = now()
    const get = (element: string) => this.get(element)
    // Entry and status first: they are always set, so no read before them can leave an error code behind.
    this.resumed = get(dialect.cmi.entry) === 'resume'
    const status = dialect.status(get)
    this.finished = status.finished
    this.lastProgress = this.resumed ? get(dialect.cmi.suspendData) : ''
    this.storedLocation = this.resumed ? get(dialect.cmi.location) : ''
    this.lastLocation = this.storedLocation
    const writes: [string, string][] = [[dialect.cmi.exit, 'suspend']]
    if (status.unstarted) writes.push(...dialect.begun())
    this.write(writes)
  }

  /** The learner's progress as last kept: what the LMS gave at the start, then each save. */
  get progress(): string {
    return this.lastProgress
  }

  /** True until the session is closed. */
  get open(): boolean {
    return this.isOpen
  }

  /** The most characters of progress the LMS keeps. */
  get limit(): number {
    return this.dialect.suspendLimit
  }

  /** Keep `progress` and report `done` sections of `total`; false when the LMS refused or the session is over. */
  save(progress: string, done: number, total: number): boolean {
    if (!this.isOpen || progress.length > this.dialect.suspendLimit) return false
    // Floor, so that 100 means every section is done.
    const percent = total > 0 ? Math.floor((Math.min(done, total) * 100) / total) : 100
    const writes: [string, string][] = []
    if (progress !== this.lastProgress) writes.push([this.dialect.cmi.suspendData, progress])
    if (!this.finished && percent !== this.lastPercent) writes.push(...this.dialect.progress(percent))
    if (writes.length === 0) return true
    const ok = this.write(writes)
    if (ok) {
      this.lastProgress = progress
      this.lastPercent = percent
      if (percent >= 100) this.finished = true
    }
    return ok
  }

  /** The learner is now on the page at `path` (relative to the package root). */
  visit(path: string): void {
    if (!this.isOpen || path === this.lastLocation || path.length > this.dialect.locationLimit) return
    if (this.write([[this.dialect.cmi.location, path]])) this.lastLocation = path
  }

  /** Ends the session: its length, a last Commit, Terminate. Later calls do nothing. */
  close(): void {
    if (!this.isOpen) return
    this.set(this.dialect.cmi.sessionTime, this.dialect.time(this.now() - this.startedAt))
    call(this.api, this.dialect.fn.commit, '')
    call(this.api, this.dialect.fn.terminate, '')
    this.isOpen = false
  }

  /** Sets every value, then commits; false when the LMS refused any of it. */
  private write(writes: [string, string][]): boolean {
    let ok = true
    // No destructuring: esbuild cannot lower it for the oldest browsers the runtime serves.
    for (const w of writes) ok = this.set(w[0], w[1]) && ok
    return call(this.api, this.dialect.fn.commit, '') === 'true' && ok
  }

  private get(element: string): string {
    return call(this.api, this.dialect.fn.get, element)
  }

  private set(element: string, value: string): boolean {
    return call(this.api, this.dialect.fn.set, element, value) === 'true'
  }
}

/** Calls an API function; an LMS that throws or lacks it answers `''`, as a failed call does. */
function call(api: ScormApi, fn: string, ...args: string[]): string {
  try {
    const f = api[fn]
    return typeof f === 'function' ? String(f.apply(api, args)) : ''
  } catch {
    return ''
  }
}
