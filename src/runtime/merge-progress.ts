/**
 * Adding progress from another device (a progress code or link): the union
 * of the pages done. Nothing is ever taken away, attempts and the seed stay
 * this device's, and each page added is marked as moved, dated `at`.
 */
import type { ProgressState } from './progress-state.ts'

/** Add the pages of `imported` that `state` lacks; returns them, in the order given. */
export function mergeProgress(state: ProgressState, imported: Iterable<string>, at: string): string[] {
  const have = new Set(state.done)
  const added: string[] = []
  for (const id of imported) {
    if (have.has(id)) continue
    have.add(id)
    added.push(id)
    state.done.push(id)
    state.passed[id] = { at, attempts: 0, from: 'moved' }
  }
  return added
}
