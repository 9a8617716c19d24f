/**
 * What differs between SCORM 1.2 and SCORM 2004 for a SCO that keeps its
 * progress in the LMS: the API's name and functions, the data model's
 * element names and limits, and how status and time are written. The session
 * (lms-session.ts) is written once against this table.
 */

/** The functions of the API object an LMS puts on a window, named as the dialect says. */
export type ScormApi = Record<string, (...args: string[]) => string>

/** What the LMS says of the attempt when the SCO opens. */
export interface ScormStatus {
  /** True when the LMS already records the course as finished: nothing may lower that. */
  finished: boolean
  /** True when the LMS has no status from this SCO yet, so `incomplete` should be written. */
  unstarted: boolean
}

export interface ScormDialect {
  /** `1.2` or `2004`, as the launch page's `data-cm-scorm` names it. */
  version: '1.2' | '2004'
  /** The window property the LMS puts its API under. */
  apiName: 'API' | 'API_1484_11'
  /** The API's function names. */
  fn: { initialize: string; terminate: string; get: string; set: string; commit: string }
  /** Data model elements. */
  cmi: { entry: string; location: string; exit: string; sessionTime: string; suspendData: string }
  /** Most characters of `cmi.location` / `cmi.core.lesson_location`. */
  locationLimit: number
  /** Most characters of `cmi.suspend_data`. */
  suspendLimit: number
  /** Reads the status elements (which never answer "not initialized", unlike score or location in 2004). */
  status(get: (element: string) => string): ScormStatus
  /** The writes that record the course as begun. */
  begun(): [element: string, value: string][]
  /** The writes that record `percent` of the course done (0–100), finished at 100. */
  progress(percent: number): [element: string, value: string][]
  /** A session's length as the dialect writes it. */
  time(ms: number): string
}

/** Hours, minutes and whole seconds of `ms` (an object: esbuild cannot lower destructuring for Safari 13). */
function hms(ms: number): { h: number; m: number; s: number } {
  const s = Math.max(0, Math.round(ms / 1000))
  return { h: Math.floor(s / 3600), m: Math.floor(s / 60) % 60, s: s % 60 }
}

const pad = (n: number, width: number) => String(n).padStart(width, '0')

/** The score elements of a course `percent` done, with its range. */
function score(prefix: string, percent: number): [string, string][] {
  return [
    [`${prefix}.min`, '0'],
    [`${prefix}.max`, '100'],
    [`${prefix}.raw`, String(percent)],
  ]
}

export const SCORM_12: ScormDialect = {
  version: '1.2',
  apiName: 'API',
  fn: {
    initialize: 'LMSInitialize',
    terminate: 'LMSFinish',
    get: 'LMSGetValue',
    set: 'LMSSetValue',
    commit: 'LMSCommit',
  },
  cmi: {
    entry: 'cmi.core.entry',
    location: 'cmi.core.lesson_location',
    exit: 'cmi.core.exit',
    sessionTime: 'cmi.core.session_time',
    suspendData: 'cmi.suspend_data',
  },
  locationLimit: 255,
  suspendLimit: 4096,
  status(get) {
    const status = get('cmi.core.lesson_status')
    return {
      finished: status === 'passed' || status === 'completed',
      unstarted: status === '' || status === 'not attempted' || status === 'browsed',
    }
  },
  begun: () => [['cmi.core.lesson_status', 'incomplete']],
  progress: (percent) => [
    ...score('cmi.core.score', percent),
    ...(percent >= 100 ? [['cmi.core.lesson_status', 'passed'] as [string, string]] : []),
  ],
  // CMITimespan: HHHH:MM:SS, hours of two to four digits.
  time(ms) {
    const t = hms(ms)
    return `${pad(Math.min(t.h, 9999), 4)}:${pad(t.m, 2)}:${pad(t.s, 2)}`
  },
}

export const SCORM_2004: ScormDialect = {
  version: '2004',
  apiName: 'API_1484_11',
  fn: { initialize: 'Initialize', terminate: 'Terminate', get: 'GetValue', set: 'SetValue', commit: 'Commit' },
  cmi: {
    entry: 'cmi.entry',
    location: 'cmi.location',
    exit: 'cmi.exit',
    sessionTime: 'cmi.session_time',
    suspendData: 'cmi.suspend_data',
  },
  locationLimit: 1000,
  suspendLimit: 64000,
  status(get) {
    const completion = get('cmi.completion_status')
    const success = get('cmi.success_status')
    return {
      finished: completion === 'completed' && success === 'passed',
      unstarted: completion === 'unknown' || completion === 'not attempted' || completion === '',
    }
  },
  begun: () => [['cmi.completion_status', 'incomplete']],
  progress: (percent) => [
    ...score('cmi.score', percent),
    ['cmi.score.scaled', String(percent / 100)],
    ...(percent >= 100
      ? [
          ['cmi.completion_status', 'completed'] as [string, string],
          ['cmi.success_status', 'passed'] as [string, string],
        ]
      : []),
  ],
  // An ISO 8601 duration.
  time(ms) {
    const t = hms(ms)
    return `PT${t.h}H${t.m}M${t.s}S`
  },
}

/** The dialect a launch page's `data-cm-scorm` names; null for anything else. */
export function dialectFor(version: string | null): ScormDialect | null {
  return version === '1.2' ? SCORM_12 : version === '2004' ? SCORM_2004 : null
}
