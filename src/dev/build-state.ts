/**
 * What `dev` remembers between builds: whether the course builds, and when
 * each URL path of the site and the error state last changed, so that a page
 * that connects late is told what it missed.
 */
import { error } from '../diagnostics/diagnostic.ts'
import type { BuildResult } from '../pipeline/compile-course.ts'
import type { ReloadEvent } from './reload-client.ts'

/** One build's outcome: the URL paths it changed, its result, or what it threw (a bug of ours). */
export interface BuildOutcome {
  changed: string[]
  result: BuildResult | null
  thrown: unknown
}

export class BuildState {
  /** The last build's errors, while the course does not build. */
  failed: BuildResult | null = null
  /** When each URL path last changed, and when the error state last did (ms since the epoch). */
  private readonly changedAt = new Map<string, number>()
  private errorChangedAt = 0
  private anyFileChangedAt = 0

  /**
   * Records a build's outcome; returns true when the course went from
   * building to failing or back. A thrown bug is logged and shown as an error.
   */
  settle(outcome: BuildOutcome, log: (line: string) => void): boolean {
    const now = Date.now()
    const wasFailed = this.failed !== null
    if (outcome.thrown !== null) this.failed = internalFailure(outcome.thrown, log)
    else this.failed = outcome.result && !outcome.result.ok ? outcome.result : null
    for (const path of outcome.changed) {
      this.changedAt.set(path, now)
      if (!path.endsWith('/')) this.anyFileChangedAt = now
    }
    const flipped = wasFailed !== (this.failed !== null)
    if (flipped || this.failed !== null) this.errorChangedAt = now
    return flipped
  }

  /** What a page at `path`, loaded at `since` (ms since the epoch), has missed; null when nothing. */
  missed(path: string, since: number): ReloadEvent | null {
    const error = this.failed !== null
    if (this.errorChangedAt > since) return { changed: [], error, ms: 0 }
    if ((this.changedAt.get(path) ?? 0) > since || this.anyFileChangedAt > since)
      return { changed: [path], error, ms: 0 }
    return null
  }
}

/** A build result that shows a bug of ours in the browser, after logging its stack. */
function internalFailure(e: unknown, log: (line: string) => void): BuildResult {
  const message = e instanceof Error ? e.message : String(e)
  log(
    `coursemark: internal error while rebuilding; please report it:\n${e instanceof Error && e.stack ? e.stack : message}`,
  )
  const diagnostic = error({
    code: 'dev/internal',
    message: `coursemark failed while rebuilding: ${message}`,
    file: '',
    line: 0,
    column: 0,
    hint: 'This is a bug in coursemark; the terminal shows the details. Save a page to try again.',
  })
  return {
    ok: false,
    diagnostics: [diagnostic],
    course: null,
    pages: new Map(),
    plan: null,
    sources: new Map(),
    statics: [],
    renderedNow: [],
    messages: null,
  }
}
