/**
 * The LMS's home for progress (a `ProgressHome`), used by the course pages
 * of a package when they are shown by its launch page, which holds the LMS
 * session (bridge.ts). Nothing is kept in the browser's storage then: the
 * progress goes to the LMS as suspend data (suspend-data.ts) with the
 * sections done, from which the session reports status and score.
 */
import type { RuntimeManifest } from '../../page-contract.ts'
import { codeCourse } from '../page-key.ts'
import type { CodeCourse } from '../progress-code.ts'
import type { HomeKind, ProgressHome, ProgressState } from '../progress-state.ts'
import { BRIDGE_NAME, type LmsBridge } from './bridge.ts'
import { decodeSuspendData, encodeSuspendData } from './suspend-data.ts'

/** The launch page's bridge when this page is shown in its frame; null anywhere else. */
export function findBridge(): LmsBridge | null {
  try {
    if (window.parent === window) return null
    const bridge = (window.parent as unknown as Record<string, unknown>)[BRIDGE_NAME] as LmsBridge | undefined
    return bridge && bridge.v === 1 && typeof bridge.save === 'function' ? bridge : null
  } catch {
    // The parent is of another origin: not our launch page.
    return null
  }
}

/** The home of a course's progress in the LMS behind `bridge`. */
export function openLmsHome(bridge: LmsBridge, manifest: RuntimeManifest): ProgressHome {
  return new LmsHome(bridge, manifest)
}

class LmsHome implements ProgressHome {
  readonly kind: HomeKind = 'lms'
  unreadable = false
  failed = false
  /** The sections the score counts: every section, or every page in a course without sections. */
  private readonly counted: readonly string[]
  /** The course's tag and page keys, which name pages in the suspend data. */
  private readonly course: CodeCourse

  constructor(
    private readonly bridge: LmsBridge,
    manifest: RuntimeManifest,
  ) {
    const sections = manifest.pages.filter((p) => p.kind === 's')
    this.counted = (sections.length ? sections : manifest.pages).map((p) => p.id)
    this.course = codeCourse(manifest)
  }

  load(): ProgressState | null {
    const data = String(this.bridge.progress())
    if (!data) return null
    const state = decodeSuspendData(data, this.course)
    if (!state) this.unreadable = true
    return state
  }

  save(state: ProgressState): boolean {
    const data = encodeSuspendData(state, this.course)
    const done = new Set(state.done)
    const ok =
      data.length <= this.bridge.limit &&
      this.bridge.save(data, this.counted.filter((id) => done.has(id)).length, this.counted.length)
    if (!ok) this.failed = true
    return ok
  }
}
