/**
 * The readable form of a bank item, for authors who would rather not write
 * base64: the statement, then a sub-item that names the right answer and,
 * after a colon, says why.
 *
 *     - Listeners may share details of chats with other listeners.
 *       - False: Keep all details of chats confidential.
 *         ^ one of the quiz's two answers (data-opt), a colon, the explanation
 *
 * An item is in this form when one of its lines is such a sub-item. A base64
 * item is one word of `[A-Za-z0-9+/=]`, which never holds a `- ` line, so the
 * two forms cannot be taken for each other, and one bank may mix them.
 *
 * The parts are kept exactly as written (no trimming beyond the one space
 * after the colon), so that `coursemark quiz encode` turns the item into the
 * very base64 text `quiz decode` read it from.
 */
import { error, type Diagnostic } from '../diagnostics/diagnostic.ts'
import { joinItemText, splitItemText } from './item-text.ts'
import type { BankLine, RawBankItem } from './types.ts'

/** A readable item's three parts, exactly as written. */
export interface ReadableItem {
  /** The statement's lines joined with `\n`, blank lines after it dropped. */
  statement: string
  /** True when the first answer (True, Yes) is right. */
  answer: boolean
  /** Everything after `Answer:` and one space, continuation lines joined with `\n`; may be empty. */
  explanation: string
}

/** A sub-item line: a bullet, then a space or the end of the line. */
const ANSWER_LINE = /^([ \t]*[-*+])(?:[ \t]+|$)/

/** The item's lines, from the quiz rule, or from its text for an item made by hand. */
export function bankLines(item: RawBankItem): BankLine[] {
  if (item.lines) return item.lines
  return item.text
    .split('\n')
    .map((text, k) => ({ text, line: item.source.line + k, column: k === 0 ? item.source.column : 1 }))
}

/** True when the item is written in the readable form (it has an answer line). */
export function isReadableItem(item: RawBankItem): boolean {
  return bankLines(item).some((l) => ANSWER_LINE.test(l.text))
}

/**
 * Reads a readable item against the quiz's two answer labels; reports every
 * problem with its place and returns null when there is one.
 */
export function parseReadableItem(
  item: RawBankItem,
  options: readonly [string, string],
  diagnostics: Diagnostic[],
): ReadableItem | null {
  const lines = bankLines(item)
  const answerAt = lines.findIndex((l) => ANSWER_LINE.test(l.text))
  const at = (l: BankLine, offset: number) => ({ file: item.source.file, line: l.line, column: l.column + offset })
  const before = diagnostics.length
  const statementLines = lines.slice(0, answerAt)
  while (statementLines.length && !statementLines[statementLines.length - 1]!.text.trim()) statementLines.pop()
  const statement = statementLines.map((l) => l.text).join('\n')
  if (!statement.trim()) {
    diagnostics.push(
      error({
        code: 'quiz/readable-no-statement',
        message: 'This bank item has an answer line but no statement before it.',
        ...at(lines[answerAt]!, 0),
        hint: 'Write the statement as the list item, and its answer on the line below, indented: `- The sky is blue.` then `  - True: Because…`.',
      }),
    )
  }
  const said = readAnswer(lines.slice(answerAt), options, at, diagnostics)
  if (diagnostics.length > before || !said) return null
  // The base64 form ends the statement at its first /Y/ or /N/; `Y/N` at the end of one would start another.
  if (splitItemText(joinItemText(statement, said.answer, said.explanation))?.statement !== statement) {
    const slash = /\/[YNyn](?:\/|$)/.exec(statement)
    diagnostics.push(
      error({
        code: 'quiz/readable-slash',
        message: `The statement holds ${JSON.stringify(slash?.[0] ?? '/')}, which its base64 form uses to separate the answer.`,
        ...at(statementLines[0]!, 0),
        hint: 'Reword it, or put spaces around the slash.',
      }),
    )
    return null
  }
  return { statement, answer: said.answer, explanation: said.explanation }
}

/**
 * The answer and explanation from `lines`, the answer line and those after
 * it; null after reporting an answer that is not one of `options`.
 */
function readAnswer(
  lines: BankLine[],
  options: readonly [string, string],
  at: (l: BankLine, offset: number) => { file: string; line: number; column: number },
  diagnostics: Diagnostic[],
): { answer: boolean; explanation: string } | null {
  const answerLine = lines[0]!
  const marker = ANSWER_LINE.exec(answerLine.text)![0]
  const said = answerLine.text.slice(marker.length)
  const label = [...options]
    .sort((a, b) => b.length - a.length)
    .find(
      (o) => said.slice(0, o.length).toLowerCase() === o.toLowerCase() && /^[ \t]*(?::|$)/.test(said.slice(o.length)),
    )
  if (label === undefined) {
    const shown = said.length > 30 ? `${said.slice(0, 27)}…` : said
    diagnostics.push(
      error({
        code: 'quiz/readable-bad-answer',
        message: `The answer line must start with ${JSON.stringify(options[0])} or ${JSON.stringify(options[1])}, not ${JSON.stringify(shown)}.`,
        ...at(answerLine, marker.length),
        hint: `Write \`- ${options[0]}: why\` when the statement is right, or \`- ${options[1]}: why\` when it is wrong (data-opt sets the two answers).`,
      }),
    )
    return null
  }
  const rest = said.slice(label.length).replace(/^[ \t]*/, '')
  // One space after the colon belongs to the form; any more belong to the explanation.
  const first = rest.startsWith(': ') ? rest.slice(2) : rest.slice(1)
  const more = lines.slice(1).map((l) => {
    const lead = l.text.length - l.text.trimStart().length
    return { line: l, text: l.text.slice(Math.min(lead, marker.length)) }
  })
  const second = more.find((m) => ANSWER_LINE.test(m.text) && !/^[ \t]/.test(m.text))
  if (second) {
    diagnostics.push(
      error({
        code: 'quiz/readable-two-answers',
        message: 'This bank item has a second answer line.',
        ...at(second.line, 0),
        hint: 'Give each statement one answer line, and each statement its own list item.',
      }),
    )
  }
  return {
    answer: label.toLowerCase() === options[0].toLowerCase(),
    explanation: [first, ...more.map((m) => m.text)].join('\n'),
  }
}

/**
 * The two lines of an item in the readable form, without list markers or
 * indent: the statement, and the answer line's text. Null when a part holds
 * a line break or starts or ends in a way the form cannot keep.
 */
export function formatReadableItem(
  item: ReadableItem,
  options: readonly [string, string],
): [statement: string, answer: string] | null {
  if (/[\r\n]/.test(item.statement) || /[\r\n]/.test(item.explanation)) return null
  // A statement that starts with a space or a bullet would not read back as one.
  if (!item.statement.trim() || /^\s/.test(item.statement) || ANSWER_LINE.test(item.statement)) return null
  const label = item.answer ? options[0] : options[1]
  return [item.statement, item.explanation ? `- ${label}: ${item.explanation}` : `- ${label}`]
}
