/**
 * `check`'s warnings about a quiz bank: what builds, but would let a learner
 * down. Pure: a quiz in, warnings out.
 */
import { warning, type Diagnostic } from '../diagnostics/diagnostic.ts'
import type { SourcePos } from '../load/types.ts'
import type { Quiz, Statement } from '../model/types.ts'

/** Every warning about `quiz`, in source order. */
export function checkQuizBank(quiz: Quiz): Diagnostic[] {
  return [...repeatedStatements(quiz.bank), ...emptyExplanations(quiz.bank), ...smallBank(quiz), ...sameAnswers(quiz)]
}

/** The same statement twice (case and spacing aside): one attempt could show it twice. */
function repeatedStatements(bank: readonly Statement[]): Diagnostic[] {
  const out: Diagnostic[] = []
  const first = new Map<string, Statement>()
  for (const s of bank) {
    const key = s.text.toLowerCase().replace(/\s+/g, ' ')
    const earlier = first.get(key)
    if (!earlier) {
      first.set(key, s)
      continue
    }
    out.push(
      warning({
        code: 'quiz/repeated-statement',
        message: `This statement repeats the one on line ${earlier.source.line}: ${JSON.stringify(clip(s.text))}.`,
        ...at(s.source),
        hint: 'Remove one of the two, or reword it into a new statement: an attempt could show both.',
      }),
    )
  }
  return out
}

/** A wrong answer shows the explanation; an empty one leaves the learner with nothing. */
function emptyExplanations(bank: readonly Statement[]): Diagnostic[] {
  return bank
    .filter((s) => !s.explanation)
    .map((s) =>
      warning({
        code: 'quiz/empty-explanation',
        message: 'This statement has no explanation.',
        ...at(s.source),
        hint: 'Say why the answer is right after it (`statement/Y/why`, or `- True: why`): a learner who gets it wrong is shown it.',
      }),
    )
}

/** Fewer than 2n statements: a retry cannot draw n statements it has not just shown. */
function smallBank(quiz: Quiz): Diagnostic[] {
  const size = quiz.bank.length
  if (quiz.n === 0 || size >= 2 * quiz.n) return []
  const repeats = 2 * quiz.n - size
  return [
    warning({
      code: 'quiz/small-bank',
      message: `data-n is ${quiz.n} but the bank has only ${size} statement${size === 1 ? '' : 's'}, fewer than twice that: a second attempt repeats at least ${repeats} of the first.`,
      ...at(quiz.source),
      hint: `Add ${repeats} statement${repeats === 1 ? '' : 's'} (${2 * quiz.n} in all), or lower data-n to ${Math.floor(size / 2)}.`,
    }),
  ]
}

/** One answer right throughout: a learner passes by always choosing it. */
function sameAnswers(quiz: Quiz): Diagnostic[] {
  if (quiz.bank.length < 2 || quiz.bank.some((s) => s.answer !== quiz.bank[0]!.answer)) return []
  const [right, other] = quiz.bank[0]!.answer ? quiz.options : [quiz.options[1], quiz.options[0]]
  return [
    warning({
      code: 'quiz/same-answers',
      message: `The right answer to every statement in this bank is ${right}: a learner who always answers ${right} passes.`,
      ...at(quiz.source),
      hint: `Add statements whose right answer is ${other}.`,
    }),
  ]
}

function at(s: SourcePos) {
  return { file: s.file, line: s.line, column: s.column }
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s
}
