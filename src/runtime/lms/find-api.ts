/**
 * The standard search for the LMS's API object: this window, then each
 * parent up to the top, then the window that opened this one and its
 * parents. An LMS shows the package in a frame of its player (Moodle) or in
 * a new window (the opener), so the first steps find it.
 */
import type { ScormApi } from './scorm-dialect.ts'

/** Enough for any player's nesting of frames; stops a loop on a broken `parent` chain. */
const MAX_STEPS = 10

/** The API object named `name` above `start`, or null outside an LMS. */
export function findApi(start: Window, name: string): ScormApi | null {
  return searchUp(start, name) ?? (start.opener ? searchUp(start.opener as Window, name) : null)
}

function searchUp(start: Window, name: string): ScormApi | null {
  let w: Window = start
  for (let step = 0; step < MAX_STEPS; step++) {
    try {
      const api = (w as unknown as Record<string, unknown>)[name]
      if (api && typeof api === 'object') return api as ScormApi
    } catch {
      // A window of another origin: no API of ours is above it.
      return null
    }
    if (w.parent === w) return null
    w = w.parent
  }
  return null
}
