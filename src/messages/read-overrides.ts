/**
 * The author's own messages: the `ui:` map in the index's front matter, key
 * to message, checked against the reference catalogue. Every problem is an
 * error at the key (or its value), so that no learner meets a message that
 * says `{count}` or drops the number it was meant to give:
 *
 *     ui:
 *       quiz.score: Check my answers          ← replaces "Score"
 *       quiz.scor: …                          ← ui/unknown-key: did you mean quiz.score?
 *       quiz.failed: "{correct} right"        ← ui/placeholder: drops {total}
 */
import { closest } from '../diagnostics/closest.ts'
import { type Diagnostic, error } from '../diagnostics/diagnostic.ts'
import type { EntryPosition, Page } from '../load/types.ts'
import { type MessageKey, messageKeys } from './catalogues.ts'
import { isProblem, type Message, parseMessage, placeholdersOf } from './message-syntax.ts'

export interface Overrides {
  /** The author's messages that passed every check, by key. */
  messages: Map<string, Message>
  diagnostics: Diagnostic[]
}

/** The index's `ui:` messages, each checked. */
export function readOverrides(index: Page): Overrides {
  const messages = new Map<string, Message>()
  const diagnostics: Diagnostic[] = []
  const ui = index.front.data['ui']
  if (ui === undefined) return { messages, diagnostics }
  const report = (at: { line: number; column: number }, code: string, message: string, hint: string) =>
    diagnostics.push(error({ code, message, file: index.file, line: at.line, column: at.column, hint }))
  if (ui === null || typeof ui !== 'object' || Array.isArray(ui)) {
    report(
      { line: index.front.fieldLines['ui'] ?? 1, column: 1 },
      'ui/not-a-map',
      '`ui` must be a list of `key: message` lines.',
      'Indent one line per message under `ui:`, such as `  quiz.score: Check my answers`.',
    )
    return { messages, diagnostics }
  }
  const keys = new Map(messageKeys().map((k) => [k.key, k]))
  const places = index.front.entryPositions['ui'] ?? {}
  for (const [key, value] of Object.entries(ui as Record<string, unknown>)) {
    const uiLine = { line: index.front.fieldLines['ui'] ?? 1, column: 1 }
    const place: EntryPosition = places[key] ?? { ...uiLine, value: uiLine }
    const known = keys.get(key)
    if (!known) {
      report(
        place,
        'ui/unknown-key',
        `ui: ${JSON.stringify(key)} is not the key of a message.`,
        unknownKeyHint(key, keys),
      )
      continue
    }
    if (typeof value !== 'string') {
      report(
        place.value,
        'ui/not-text',
        `ui: the message for ${key} must be text, not ${value === null ? 'nothing' : JSON.stringify(value)}.`,
        `Write it on the same line, in quotes if it holds a colon: \`${key}: "${known.english}"\`.`,
      )
      continue
    }
    const parsed = checkMessage(known, value, (code, message, hint) => report(place.value, code, message, hint))
    if (parsed) messages.set(key, parsed)
  }
  return { messages, diagnostics }
}

/** The message parsed, when its syntax and placeholders are right; otherwise null, after reporting why. */
function checkMessage(
  known: MessageKey,
  text: string,
  report: (code: string, message: string, hint: string) => void,
): Message | null {
  const parsed = parseMessage(text)
  if (isProblem(parsed)) {
    const near = text.slice(Math.max(0, parsed.offset - 10), parsed.offset + 10)
    report(
      'ui/syntax',
      `ui: the message for ${known.key} does not parse: ${parsed.reason} (near ${JSON.stringify(near)}).`,
      `${takes(known)} In English: ${JSON.stringify(known.english)}`,
    )
    return null
  }
  const used = placeholdersOf(parsed)
  const dropped = [...known.placeholders].filter((name) => !used.has(name))
  const invented = [...used].filter((name) => !known.placeholders.has(name))
  if (!dropped.length && !invented.length) return parsed
  const what = [
    dropped.length ? `drops ${braces(dropped)}` : '',
    invented.length ? `uses ${braces(invented)}, which it does not have` : '',
  ]
  report(
    'ui/placeholder',
    `ui: the message for ${known.key} ${what.filter(Boolean).join(' and ')}.`,
    `${takes(known)} In English: ${JSON.stringify(known.english)}`,
  )
  return null
}

/** `quiz.failed takes {correct} and {total}, each where its value goes.` */
function takes(known: MessageKey): string {
  const names = [...known.placeholders]
  return names.length
    ? `${known.key} takes ${braces(names)}, each where its value goes.`
    : `${known.key} takes no placeholders: write no { or }.`
}

function braces(names: string[]): string {
  const each = names.map((n) => `{${n}}`)
  return each.length > 1 ? `${each.slice(0, -1).join(', ')} and ${each[each.length - 1]}` : (each[0] ?? '')
}

/** The closest key, and the keys of the same group (or the groups), so the author can pick. */
function unknownKeyHint(key: string, keys: ReadonlyMap<string, MessageKey>): string {
  const all = [...keys.keys()]
  const guess = closest(key, all)
  const group = (guess ?? key).split('.')[0]
  const same = all.filter((k) => k.startsWith(`${group}.`))
  const groups = [...new Set(all.map((k) => `${k.split('.')[0]}.`))]
  return [
    guess ? `Did you mean ${guess}?` : '',
    same.length ? `The ${group} messages are ${same.join(', ')}.` : `Keys start with ${groups.join(', ')}.`,
    "Every key, with its English message, is in coursemark's src/messages/en.json.",
  ]
    .filter(Boolean)
    .join(' ')
}
