/**
 * The built-in message catalogues: one JSON file per language in
 * src/messages/ (`fr.json`), a flat map of key to message, read when a course
 * needs it. English (`en.json`) is the reference: its keys are every message
 * there is, and its placeholders are the ones each message takes. Adding a
 * language is adding its file: a tag finds the file named after it
 * (`pt-BR.json`) or after its language (`pt.json`).
 *
 * `npm run build` bakes every file's text into the bundle
 * (COURSEMARK_CATALOGUES), so the installed package, which has no src/,
 * reads none; run from the sources (the tests), they are read from here.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { packageRoot } from '../load/package-root.ts'
import { isProblem, type Message, parseMessage, placeholdersOf } from './message-syntax.ts'

/** A catalogue, every message parsed. */
export interface Catalogue {
  /** The file's name without `.json`: `fr`, `pt-BR`. */
  code: string
  messages: ReadonlyMap<string, Message>
}

/** What each key of the reference catalogue takes. */
export interface MessageKey {
  key: string
  /** Its placeholders' names, as English uses them. */
  placeholders: ReadonlySet<string>
  /** The English message, as written (for hints). */
  english: string
}

/** Each catalogue's text by code, as `npm run build` baked them into the bundle. */
declare const COURSEMARK_CATALOGUES: Readonly<Record<string, string>> | undefined

const read = new Map<string, Catalogue | null>()

/** The catalogue for language tag `lang`: its own file, else its language's; null when there is none. */
export function catalogueFor(lang: string): Catalogue | null {
  const primary = lang.split('-')[0]!.toLowerCase()
  for (const code of [lang, primary]) {
    const catalogue = readCatalogue(code)
    if (catalogue) return catalogue
  }
  return null
}

/** The English catalogue, the reference every other is checked against. */
export function english(): Catalogue {
  const en = readCatalogue('en')
  if (!en) throw new Error('coursemark cannot find its own src/messages/en.json')
  return en
}

let keys: MessageKey[] | null = null

/** Every key there is, with its placeholders, in the reference catalogue's order. */
export function messageKeys(): MessageKey[] {
  if (keys) return keys
  const texts = catalogueTexts('en') ?? {}
  keys = [...english().messages].map(([key, message]) => ({
    key,
    placeholders: placeholdersOf(message),
    english: texts[key] ?? '',
  }))
  return keys
}

/** The catalogue's file as written, key to message text; null when there is no such file. */
export function catalogueTexts(code: string): Record<string, string> | null {
  // Tags are letters, digits and hyphens (front-matter-fields.ts checks them): no path can be made of one.
  if (!/^[A-Za-z0-9-]+$/.test(code)) return null
  const text = typeof COURSEMARK_CATALOGUES !== 'undefined' ? bakedText(COURSEMARK_CATALOGUES, code) : sourceText(code)
  return text === null ? null : (JSON.parse(text) as Record<string, string>)
}

function bakedText(baked: Readonly<Record<string, string>>, code: string): string | null {
  return Object.hasOwn(baked, code) ? baked[code]! : null
}

function sourceText(code: string): string | null {
  const path = join(packageRoot(), 'src', 'messages', `${code}.json`)
  return existsSync(path) ? readFileSync(path, 'utf8') : null
}

function readCatalogue(code: string): Catalogue | null {
  if (read.has(code)) return read.get(code) ?? null
  const texts = catalogueTexts(code)
  let catalogue: Catalogue | null = null
  if (texts) {
    const messages = new Map<string, Message>()
    for (const [key, text] of Object.entries(texts)) {
      const parsed = parseMessage(text)
      // The catalogues are coursemark's own; test/messages/catalogues.test.ts keeps them well formed.
      if (isProblem(parsed)) throw new Error(`src/messages/${code}.json: ${key}: ${parsed.reason}`)
      messages.set(key, parsed)
    }
    catalogue = { code, messages }
  }
  read.set(code, catalogue)
  return catalogue
}
