/**
 * What the package's launch page (launch.ts) offers the course pages shown
 * in its frame, as `window.parent.coursemarkSession`. Only strings and
 * numbers cross between the frames: a course page's objects belong to a
 * document that is gone as soon as the learner moves on.
 */

/** The property of the launch page's window that holds the bridge. */
export const BRIDGE_NAME = 'coursemarkSession'

export interface LmsBridge {
  /** Format version of this object. */
  v: 1
  /** The learner's progress as the LMS keeps it (its suspend data, as last saved); `''` on a first launch. */
  progress(): string
  /**
   * Keep `data` as the learner's progress and report `done` sections of
   * `total` (status and score) to the LMS, then commit. False when the LMS
   * refused or the session is over: the page then warns that progress is
   * not being kept.
   */
  save(data: string, done: number, total: number): boolean
  /** The most characters the LMS keeps as progress (4,096 in SCORM 1.2, 64,000 in 2004). */
  limit: number
}
