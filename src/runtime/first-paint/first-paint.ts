/**
 * What the two inline scripts of a page (gate.ts in `<head>`, draw.ts after
 * the quiz) hand to each other and to the deferred runtime: one global, so
 * the browser's storage is read once before the page paints.
 */

/** `window.__cmFirst`, set by the head gate. */
export interface FirstPaint {
  /** The storage key of the course's progress (format 2); `''` when progress is not in this browser (an LMS package). */
  k: string
  /** What `localStorage` held under `k`, parsed as JSON (not checked: the runtime checks progress before using it); null when nothing, or it could not be read. */
  state: unknown
  /** Set by the runtime once it has decided: the page stays (and is shown) or the learner is sent on. */
  ran?: boolean
  /** The quiz's draw (seeded-draw.ts), set by the draw script after a quiz: the runtime draws with it too, so the two cannot differ. */
  draw?: (seed: string, pageId: string, attempt: number, size: number, n: number) => number[]
  /** How a draw is shown (show-draw.ts), set with `draw`: the runtime shows its draws with it rather than carry a copy. */
  show?: (list: HTMLElement, drawn: readonly number[]) => void
}

/** The global the head gate set, if it ran. */
export function firstPaint(): FirstPaint | undefined {
  return (window as unknown as { __cmFirst?: FirstPaint }).__cmFirst
}
