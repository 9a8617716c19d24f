/**
 * Messages put into words at build time (the page layout), and compiled for
 * the browser runtime, which formats them the same way with less code
 * (src/runtime/messages.ts): plurals by `Intl.PluralRules`, numbers by
 * `Intl.NumberFormat`, both in the page's language.
 */
import type { RuntimeMessage } from '../page-contract.ts'
import type { Messages } from './course-messages.ts'
import type { Message, PluralPart, TextPart } from './message-syntax.ts'

/** A placeholder's value: text as it is, or a number to format for the language. */
export type MessageValues = Readonly<Record<string, string | number>>

/** Message `key` of `messages` as text, `values` in its placeholders. */
export function messageText(messages: Messages, key: string, values: MessageValues = {}): string {
  return formatMessage(messageOf(messages, key), values, messages.lang)
}

/** Message `key` as HTML: its text escaped, `values` (HTML already) put in as they are. */
export function messageHtml(messages: Messages, key: string, values: MessageValues = {}): string {
  return formatMessage(messageOf(messages, key), values, messages.lang, escapeHtmlText)
}

function messageOf(messages: Messages, key: string): Message {
  const message = messages.byKey.get(key)
  // Keys are coursemark's own (src/messages/en.json): a missing one is a typo in coursemark.
  if (!message) throw new Error(`no message ${JSON.stringify(key)}`)
  return message
}

/** For element content and double-quoted attributes alike. */
function escapeHtmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/**
 * The message with `values` in its placeholders. `escapeText` is applied to the
 * message's own text, not to the values: for HTML, pass `escapeHtml` and
 * values that are HTML already.
 */
export function formatMessage(
  message: Message,
  values: MessageValues,
  lang: string,
  escapeText: (text: string) => string = (text) => text,
): string {
  const show = (value: string | number | undefined) =>
    typeof value === 'number' ? new Intl.NumberFormat(lang).format(value) : (value ?? '')
  const text = (parts: readonly TextPart[], count?: number): string =>
    parts
      .map((p) => (typeof p === 'string' ? escapeText(p) : 'count' in p ? show(count) : show(values[p.arg])))
      .join('')
  return message
    .map((p) => {
      if (typeof p === 'string' || !('forms' in p)) return text([p])
      const n = Number(values[p.arg])
      return text(pluralForm(p, n, lang), n)
    })
    .join('')
}

/** The branch of `plural` for `n`: the language's category for it, else `other`. */
function pluralForm(plural: PluralPart, n: number, lang: string): TextPart[] {
  const forms = plural.forms
  return forms[new Intl.PluralRules(lang).select(n)] ?? forms['other'] ?? []
}

/**
 * The message as the runtime takes it: text with `{name}` placeholders, or,
 * when it has plurals, a list of such texts and `[arg, {category: text}]`,
 * whose texts write the number as `#`.
 */
export function compileMessage(message: Message): RuntimeMessage {
  const text = (parts: readonly TextPart[]) =>
    parts.map((p) => (typeof p === 'string' ? p : 'count' in p ? '#' : `{${p.arg}}`)).join('')
  if (!message.some((p) => typeof p !== 'string' && 'forms' in p)) return text(message as TextPart[])
  const out: Exclude<RuntimeMessage, string> = []
  for (const p of message) {
    if (typeof p !== 'string' && 'forms' in p) {
      out.push([p.arg, Object.fromEntries(Object.entries(p.forms).map(([k, form]) => [k, text(form)]))])
    } else if (typeof out[out.length - 1] === 'string') out[out.length - 1] += text([p])
    else out.push(text([p]))
  }
  return out
}
