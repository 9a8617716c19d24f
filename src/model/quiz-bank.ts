/**
 * Quiz banks: decodes and validates the statements of a quiz, written as
 * base64 of UTF-8 `statement/Y|N/explanation` (the reference format) or in
 * the readable form of readable-bank.ts.
 */
import { error, type Diagnostic } from '../diagnostics/diagnostic.ts'
import { shortHash } from './hash.ts'
import { joinItemText, splitItemText } from './item-text.ts'
import { isReadableItem, parseReadableItem } from './readable-bank.ts'
import type { SourcePos } from '../load/types.ts'
import type { PageQuiz, Quiz, RawBankItem, Statement } from './types.ts'

export type { BankLine, RawBankItem } from './types.ts'

/** What the `data-n` paragraph declared, before the bank is read. */
export interface QuizDeclaration {
  /** The `data-n` value as written. */
  n: string
  /** The `data-opt` value as written, if any. */
  opt: string | null
  /** Where the attribute list is. */
  source: SourcePos
}

/** The answers of a quiz without `data-opt` in English; a course in another language passes its own (quiz.true, quiz.false). */
export const DEFAULT_OPTIONS: [string, string] = ['True', 'False']

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/
const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * True when `data-n` declares a page without a quiz: any way of writing 0
 * (`0`, `00`, ` 0 `). The quiz rule and `readQuiz` must agree on it, or a
 * page would carry an empty quiz the runtime cannot load.
 */
export function declaresNoQuiz(n: string): boolean {
  return /^\d+$/.test(n.trim()) && Number(n.trim()) === 0
}

/** Reads `data-n`: a whole number, or null after reporting why not. */
export function parseQuizCount(decl: QuizDeclaration, diagnostics: Diagnostic[]): number | null {
  if (!/^\d+$/.test(decl.n.trim())) {
    diagnostics.push(
      error({
        code: 'quiz/bad-n',
        message: `data-n must be a whole number, not ${JSON.stringify(decl.n)}.`,
        ...pos(decl.source),
        hint: 'Write how many statements each attempt shows, e.g. `data-n="6"`, or `data-n="0"` for no quiz.',
      }),
    )
    return null
  }
  return Number(decl.n.trim())
}

/** Reads `data-opt`: exactly two labels separated by a comma; `defaults` without one. */
export function parseQuizOptions(
  decl: QuizDeclaration,
  diagnostics: Diagnostic[],
  defaults: [string, string] = DEFAULT_OPTIONS,
): [string, string] {
  if (decl.opt === null) return defaults
  const labels = decl.opt.split(',').map((s) => s.trim())
  if (labels.length !== 2 || !labels[0] || !labels[1]) {
    diagnostics.push(
      error({
        code: 'quiz/bad-options',
        message: `data-opt must name exactly two answers, not ${JSON.stringify(decl.opt)}.`,
        ...pos(decl.source),
        hint: 'Write the right-if-true answer first, e.g. `data-opt="Yes,No"`.',
      }),
    )
    return defaults
  }
  if (labels[0] === labels[1]) {
    diagnostics.push(
      error({
        code: 'quiz/bad-options',
        message: `The two answers of data-opt are both ${JSON.stringify(labels[0])}.`,
        ...pos(decl.source),
        hint: 'Give the two answers different names, e.g. `data-opt="Yes,No"`.',
      }),
    )
  }
  return [labels[0], labels[1]]
}

/** Decodes one base64 bank item into a statement, or reports why it cannot. */
export function decodeBankItem(item: RawBankItem, diagnostics: Diagnostic[]): Statement | null {
  const text = decodeItemText(item, diagnostics)
  return text === null ? null : parseStatement(text, item.source, diagnostics)
}

/** Decodes one base64 bank item into its UTF-8 text, or reports why it cannot. */
export function decodeItemText(item: RawBankItem, diagnostics: Diagnostic[]): string | null {
  const at = pos(item.source)
  const b64 = item.text.replace(/\s+/g, '')
  if (!BASE64.test(b64) || b64.replace(/=+$/, '').length % 4 === 1) {
    diagnostics.push(
      error({
        code: 'quiz/bad-base64',
        message: 'This bank item is not valid base64.',
        ...at,
        hint: 'Write an item as base64 of `statement/Y/explanation` (or /N/), or readably: the statement, then an indented line `- True: why` under it. `coursemark quiz decode` shows a bank readably.',
      }),
    )
    return null
  }
  let text: string
  try {
    text = utf8.decode(Buffer.from(b64, 'base64'))
  } catch {
    diagnostics.push(
      error({
        code: 'quiz/bad-utf8',
        message: 'This bank item decodes to bytes that are not UTF-8 text.',
        ...at,
        hint: 'Encode the text as UTF-8 before base64 (for example `printf %s "$text" | base64 -w0`).',
      }),
    )
    return null
  }
  return text
}

/** Reads a bank item in either form. */
export function readBankItem(
  item: RawBankItem,
  options: readonly [string, string],
  diagnostics: Diagnostic[],
): Statement | null {
  if (!isReadableItem(item)) return decodeBankItem(item, diagnostics)
  const readable = parseReadableItem(item, options, diagnostics)
  return readable
    ? parseStatement(joinItemText(readable.statement, readable.answer, readable.explanation), item.source, diagnostics)
    : null
}

/** Parses decoded `statement/Y|N/explanation` text. */
export function parseStatement(text: string, source: SourcePos, diagnostics: Diagnostic[]): Statement | null {
  const m = splitItemText(text)
  if (!m?.statement.trim()) {
    diagnostics.push(
      error({
        code: 'quiz/bad-item',
        message: `This bank item decodes to ${JSON.stringify(clip(text))}, which is not \`statement/Y/explanation\` or \`statement/N/explanation\`.`,
        ...pos(source),
        hint: 'Separate the statement, Y (first answer right) or N (second answer right), and the explanation with slashes.',
      }),
    )
    return null
  }
  const statement = m.statement.trim()
  return {
    id: shortHash(statement),
    text: statement,
    answer: m.answer.toUpperCase() === 'Y',
    explanation: m.explanation.trim(),
    source,
  }
}

/**
 * Checks a decoded bank against its `data-n` and builds the quiz.
 * Statement ids are made unique within the bank, so the runtime can tell a
 * repeated statement from its twin.
 */
export function makeQuiz(
  n: number,
  options: [string, string],
  bank: Statement[],
  format: Quiz['format'],
  source: SourcePos,
  bankSize: number,
  diagnostics: Diagnostic[],
): Quiz {
  if (n > bankSize) {
    diagnostics.push(
      error({
        code: 'quiz/n-exceeds-bank',
        message: `data-n is ${n} but the bank has only ${bankSize} statement${bankSize === 1 ? '' : 's'}.`,
        ...pos(source),
        hint: `Lower data-n to ${bankSize} or fewer, or add statements to the bank.`,
      }),
    )
  }
  const seen = new Map<string, number>()
  const unique = bank.map((s) => {
    const count = (seen.get(s.id) ?? 0) + 1
    seen.set(s.id, count)
    return count === 1 ? s : { ...s, id: `${s.id}-${count}` }
  })
  return { n, options, bank: unique, format, source }
}

/** A hash of the bank's statements and answers, so edited banks drop stale attempts. */
export function bankHash(quiz: Quiz): string {
  let text = `${quiz.n}\n`
  for (const s of quiz.bank) text += `${s.answer ? 'Y' : 'N'}\u0000${s.text}\u0000`
  return shortHash(text)
}

function pos(s: SourcePos) {
  return { file: s.file, line: s.line, column: s.column }
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s
}

/**
 * Validates a page's quiz declaration and decodes its bank; every problem is
 * reported, not just the first. `defaults` are the answers without `data-opt`.
 */
export function readQuiz(
  decl: QuizDeclaration,
  items: RawBankItem[] | null,
  diagnostics: Diagnostic[],
  defaults: [string, string] = DEFAULT_OPTIONS,
): PageQuiz {
  const before = diagnostics.length
  const n = parseQuizCount(decl, diagnostics)
  const options = parseQuizOptions(decl, diagnostics, defaults)
  if (n === 0) return { quiz: null, noQuiz: true }
  if (items === null) {
    diagnostics.push(
      error({
        code: 'quiz/no-bank',
        message: 'This quiz paragraph has no list of statements after it.',
        ...pos(decl.source),
        hint: 'Put the bank, one statement per list item, right after the paragraph; or write data-n="0" for a section without a quiz.',
      }),
    )
    return { quiz: null, noQuiz: false }
  }
  if (items.length === 0 && n !== null) {
    diagnostics.push(
      error({
        code: 'quiz/no-bank',
        message: 'This quiz has an empty bank.',
        ...pos(decl.source),
        hint: 'Add statements to the list after the paragraph.',
      }),
    )
  }
  const bank: Statement[] = []
  for (const item of items) {
    const s = readBankItem(item, options, diagnostics)
    if (s) bank.push(s)
  }
  if (n === null) return { quiz: null, noQuiz: false }
  const format = items.some(isReadableItem) ? 'readable' : 'base64'
  const quiz = makeQuiz(n, options, bank, format, decl.source, items.length, diagnostics)
  return { quiz: diagnostics.slice(before).some((d) => d.severity === 'error') ? null : quiz, noQuiz: false }
}
