/** Scoring a quiz attempt; pure, so tests need no DOM. quiz.ts puts the result into words. */

/** The outcome of one scored attempt. */
export interface ScoreResult {
  /** Per statement, in the order shown: true when the learner's answer is right. */
  right: boolean[]
  /** How many are right. */
  correct: number
  /** How many were asked. */
  total: number
  /** True when every statement is right, which is what passing means. */
  passed: boolean
}

/** Compare the learner's answers (0 or 1 per statement, null if none) with the key. */
export function scoreAnswers(chosen: ReadonlyArray<0 | 1 | null>, answers: ReadonlyArray<0 | 1>): ScoreResult {
  const right = answers.map((a, i) => chosen[i] === a)
  const correct = right.filter(Boolean).length
  return { right, correct, total: answers.length, passed: answers.length > 0 && correct === answers.length }
}
