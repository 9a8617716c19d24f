/**
 * Stage 4, messages: the words coursemark itself puts on the course's pages
 * (buttons, notices, the quiz's marks, dialogs, the page title pattern), in
 * the language of each page. A page's language is its own `lang`, else the
 * index's, else English. For each language: the author's `ui:` overrides
 * (read-overrides.ts) when it is the course's language, then the built-in
 * catalogue (catalogues.ts), then, only for a language that has none,
 * English, with a warning naming what stays English.
 */
import { type Diagnostic, warning } from '../diagnostics/diagnostic.ts'
import type { Page } from '../load/types.ts'
import type { ReadingOrder } from '../model/types.ts'
import { catalogueFor, english, messageKeys } from './catalogues.ts'
import type { Message } from './message-syntax.ts'
import { readOverrides } from './read-overrides.ts'

/** The interface's messages in one language, every key present. */
export interface Messages {
  /** The language tag, as the pages write it (`fr`, `pt-BR`). */
  lang: string
  /** Every message, by key. */
  byKey: ReadonlyMap<string, Message>
}

/** The messages of every language the course's pages are in. */
export interface CourseMessages {
  /** The course's language: the index's `lang`, or `en`. */
  lang: string
  /** By language tag as the pages write it; the course's language is always here. */
  byLang: ReadonlyMap<string, Messages>
}

export interface ResolvedMessages {
  messages: CourseMessages
  diagnostics: Diagnostic[]
}

/**
 * The messages of each language of `order`'s pages, the index's `ui:`
 * applied to the course's. It needs no outline: an outline's errors stop
 * no page from being parsed in its language, nor `ui:` from being checked.
 */
export function resolveMessages(order: ReadingOrder): ResolvedMessages {
  const pages = [...order.pages, ...order.unlisted]
  const index = pages.find((p) => p.front.kind === 'index') ?? null
  const courseLang = index?.front.lang ?? 'en'
  const overrides = index ? readOverrides(index) : { messages: new Map<string, Message>(), diagnostics: [] }
  const diagnostics = [...overrides.diagnostics, ...misplacedOverrides(pages, index)]
  // The first page of each language, to point a warning at.
  const langs = new Map<string, Page | null>([[courseLang, index]])
  for (const page of pages) if (page.front.lang && !langs.has(page.front.lang)) langs.set(page.front.lang, page)
  const byLang = new Map<string, Messages>()
  for (const [lang, page] of langs) {
    const own = sameLanguage(lang, courseLang) ? overrides.messages : new Map<string, Message>()
    const { messages, fellBack } = messagesIn(lang, own)
    if (fellBack.length && page) diagnostics.push(fallbackWarning(lang, page, fellBack, messages.byKey.size))
    byLang.set(lang, messages)
  }
  return { messages: { lang: courseLang, byLang }, diagnostics }
}

/** The built-in messages of `lang`, English where it has none, under `own` (for the authoring tools, which build nothing). */
export function builtInMessages(lang: string, own: ReadonlyMap<string, Message> = new Map()): Messages {
  return messagesIn(lang, own).messages
}

/** `own` messages, then the catalogue's, then English; and the keys that fell through to English. */
function messagesIn(lang: string, own: ReadonlyMap<string, Message>): { messages: Messages; fellBack: string[] } {
  const catalogue = catalogueFor(lang)
  const en = english().messages
  const byKey = new Map<string, Message>()
  const fellBack: string[] = []
  for (const { key } of messageKeys()) {
    const message = own.get(key) ?? catalogue?.messages.get(key)
    if (!message) fellBack.push(key)
    byKey.set(key, message ?? (en.get(key) as Message))
  }
  // A built-in catalogue has every key (test/messages/catalogues.test.ts): only a language without one falls back.
  return { messages: { lang, byKey }, fellBack: catalogue ? [] : fellBack }
}

/** The messages of `page`, in its own language or the course's. */
export function messagesOf(messages: CourseMessages, page: Page): Messages {
  return (messages.byLang.get(page.front.lang ?? messages.lang) ?? messages.byLang.get(messages.lang)) as Messages
}

/** `fr` and `fr-CA` are one language: the author's French overrides are for both. */
function sameLanguage(a: string, b: string): boolean {
  const primary = (tag: string) => tag.split('-')[0]!.toLowerCase()
  return primary(a) === primary(b)
}

/** A language without a catalogue, whose messages the overrides do not all give, says what stays English. */
function fallbackWarning(lang: string, page: Page, missing: string[], all: number): Diagnostic {
  const isIndex = page.front.kind === 'index'
  return warning({
    code: 'ui/no-catalogue',
    message: `coursemark has no messages in ${JSON.stringify(lang)}, so ${missing.length} of its ${all} messages on ${isIndex ? "the course's pages" : 'this page'} stay in English: ${missing.join(', ')}.`,
    file: page.file,
    line: page.front.fieldLines['lang'] ?? 1,
    column: 1,
    hint: isIndex
      ? "Give each of them in the index's `ui:` (src/messages/en.json has every key and its English), or add a catalogue for the language to coursemark (the README says how)."
      : `Add a catalogue for the language to coursemark (the README says how); \`ui:\` in the index is for the course's language, ${JSON.stringify(page.front.lang)} is this page's own.`,
  })
}

/** `ui:` anywhere but the index does nothing: say so rather than ignore it silently. */
function misplacedOverrides(pages: readonly Page[], index: Page | null): Diagnostic[] {
  return pages
    .filter((page) => page !== index && page.front.data['ui'] !== undefined)
    .map((page) =>
      warning({
        code: 'ui/not-index',
        message: '`ui:` here changes nothing: messages are set for the whole course, in the index.',
        file: page.file,
        line: page.front.fieldLines['ui'] ?? 1,
        column: 1,
        hint: `Move the \`ui:\` map to the front matter of ${index?.file ?? 'the index'}.`,
      }),
    )
}
