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
  /** The decoded key of each bank item, same order as `quiz.items`. */
  keys: RuntimeAnswerKey[]
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
  const options = record.options
  const bank = record.bank
  const items = record.items
  if (!Number.isInteger(n) || (n as number) < 1 || !isString(bank)) return null
  if (!Array.isArray(options) || options.length !== 2 || !options.every(isString)) return null
  if (!Array.isArray(items) || items.length === 0) return null
  const keys: RuntimeAnswerKey[] = []
  for (const item of items as unknown[]) {
    if (typeof item !== 'object' || item === null) return null
    const fields = item as Record<string, unknown>
    if (!isString(fields.key)) return null
    const decoded = decodeKey(fields.key)
    if (!decoded) return null
    keys.push(decoded)
  }
  return {
    quiz: { n: n as number, options: options as [string, string], bank, items: items as RuntimeQuiz['items'] },
    keys,
  }
}
