/**
 * Reading a section's `data-cm-quiz` JSON. The build writes it, but a page
 * can be hand-edited or cached from another build, so its shape is checked
 * before use and a quiz that fails the check is reported, not half-run.
 */
import type { RuntimeAnswerKey, RuntimeQuiz } from '../page-contract.ts'
import { decodeKey } from './decode-key.ts'

/** A quiz whose every answer key decoded. */
export interface LoadedQuiz {
  quiz: RuntimeQuiz
  /** The decoded key of each bank item, same order as `quiz.keys`. */
  answers: RuntimeAnswerKey[]
}

const isString = (value: unknown): value is string => typeof value === 'string'

/** The quiz in `json`, or null when it is not a usable `RuntimeQuiz`. */
export function readQuiz(json: string | null): LoadedQuiz | null {
  let value: unknown
  try {
    value = JSON.parse(json ?? '')
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null) return null
  const record = value as Record<string, unknown>
  const n = record.n
  const bank = record.bank
  const keys = record.keys
  if (!Number.isInteger(n) || (n as number) < 1 || !isString(bank)) return null
  if (!Array.isArray(keys) || keys.length === 0) return null
  const answers: RuntimeAnswerKey[] = []
  for (const key of keys as unknown[]) {
    const decoded = isString(key) ? decodeKey(key) : null
    if (!decoded) return null
    answers.push(decoded)
  }
  return { quiz: { n: n as number, bank, keys: keys as string[] }, answers }
}
