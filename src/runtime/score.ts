/** Scoring a quiz attempt and the words that report it; pure, so tests need no DOM. */

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

/** The summary announced after scoring. */
export function summaryText(result: ScoreResult): string {
  return result.passed
    ? `All ${result.total} correct. You have passed this quiz.`
    : `${result.correct} of ${result.total} correct. To pass, every answer must be right: review this section, then try a new set of statements.`
}

/** What a learner is told when they press Score too early. */
export function unansweredText(left: number): string {
  return left === 1 ? '1 statement is not answered yet.' : `${left} statements are not answered yet.`
}
