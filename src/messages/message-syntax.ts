/**
 * The syntax of a message, in the catalogues (src/messages/<lang>.json) and
 * in an index's `ui:` overrides: the part of ICU MessageFormat that
 * translators' tools (Weblate, Crowdin, Transifex) already know.
 *
 *     Score                                        text
 *     The right answer is {answer}.                a placeholder
 *     {count, plural, one {# statement is not answered yet.} other {# statements are not answered yet.}}
 *      ^arg   ^kind   ^ a CLDR plural category: zero, one, two, few, many or other;
 *                       `#` in a branch is the number, formatted for the language
 *
 * Plurals are chosen with `Intl.PluralRules`, so a catalogue writes the
 * categories its language has (Polish: one, few, many, other; Arabic: all
 * six) and no plural rule is written by hand. `other` is required; a plural
 * holds no other plural; `{` and `}` have no other use (there is no quoting),
 * and `#` is the number only inside a plural's branch.
 */

/** Text, a `{name}` placeholder, or (in a plural's branch only) `#`, the number. */
export type TextPart = string | { arg: string } | { count: true }

/** `{arg, plural, …}`: a branch per category, each text and placeholders. */
export interface PluralPart {
  arg: string
  forms: Record<string, TextPart[]>
}

/** A parsed message: its parts in order. */
export type Message = Array<TextPart | PluralPart>

/** Why a message does not parse, and where (0-based offset into its text). */
export interface SyntaxProblem {
  offset: number
  reason: string
}

const CATEGORIES = new Set(['zero', 'one', 'two', 'few', 'many', 'other'])
const NAME = /\s*([A-Za-z_][A-Za-z0-9_]*)\s*/y
const SELECTOR = /\s*([a-z]+)\s*/y

/** Parses `text`; a problem names the first thing wrong. */
export function parseMessage(text: string): Message | SyntaxProblem {
  const reader = { text, at: 0 }
  try {
    const parts = readParts(reader, false)
    if (reader.at < text.length) fail(reader.at, 'a `}` here closes nothing; a message has no braces but placeholders')
    return parts
  } catch (e) {
    if (e instanceof Problem) return { offset: e.offset, reason: e.message }
    throw e
  }
}

/** True when `parsed` is a problem, not a message. */
export function isProblem(parsed: Message | SyntaxProblem): parsed is SyntaxProblem {
  return !Array.isArray(parsed)
}

/** The names a message uses: its placeholders and its plurals' arguments. */
export function placeholdersOf(message: Message): Set<string> {
  const names = new Set<string>()
  const add = (parts: readonly (TextPart | PluralPart)[]) => {
    for (const p of parts) {
      if (typeof p === 'string' || 'count' in p) continue
      names.add(p.arg)
      if ('forms' in p) for (const form of Object.values(p.forms)) add(form)
    }
  }
  add(message)
  return names
}

class Problem extends Error {
  constructor(
    readonly offset: number,
    reason: string,
  ) {
    super(reason)
  }
}

function fail(offset: number, reason: string): never {
  throw new Problem(offset, reason)
}

interface Reader {
  text: string
  at: number
}

/** Parts up to the end of the text, or (in a branch) up to the `}` that closes it, which is left unread. */
function readParts(reader: Reader, inBranch: boolean): Message {
  const parts: Message = []
  let text = ''
  const flush = () => {
    if (text) parts.push(text)
    text = ''
  }
  while (reader.at < reader.text.length) {
    const c = reader.text[reader.at]!
    if (c === '}') break
    if (c === '#' && inBranch) {
      flush()
      parts.push({ count: true })
      reader.at++
    } else if (c === '{') {
      flush()
      parts.push(readPlaceholder(reader, inBranch))
    } else {
      text += c
      reader.at++
    }
  }
  flush()
  return parts
}

/** `{name}` or `{name, plural, …}`, from its `{`. */
function readPlaceholder(reader: Reader, inBranch: boolean): TextPart | PluralPart {
  const start = reader.at
  reader.at++
  const name = match(reader, NAME)
  if (!name) fail(reader.at, 'a `{` starts a placeholder, such as `{count}`, and must be followed by its name')
  if (reader.text[reader.at] === '}') {
    reader.at++
    return { arg: name }
  }
  if (reader.text[reader.at] !== ',') fail(reader.at, `the placeholder {${name} is not closed with \`}\``)
  reader.at++
  const kindAt = skipSpace(reader)
  const kind = match(reader, NAME)
  if (kind !== 'plural') fail(kindAt, `only \`{${name}, plural, …}\` is understood after a comma`)
  if (inBranch) fail(start, 'a plural cannot be inside another plural')
  if (reader.text[reader.at] !== ',') fail(reader.at, 'write a comma after `plural`, then the branches')
  reader.at++
  return { arg: name, forms: readForms(reader, name) }
}

/** The branches of a plural, through its closing `}`. */
function readForms(reader: Reader, name: string): Record<string, TextPart[]> {
  const forms: Record<string, TextPart[]> = {}
  for (;;) {
    const at = skipSpace(reader)
    if (reader.text[reader.at] === '}' || reader.at >= reader.text.length) break
    const selector = match(reader, SELECTOR)
    if (!selector || !CATEGORIES.has(selector)) fail(at, 'a branch starts with zero, one, two, few, many or other')
    if (reader.text[reader.at] !== '{') fail(reader.at, `write the branch's text in braces: \`${selector} {…}\``)
    reader.at++
    forms[selector] = readParts(reader, true) as TextPart[]
    if (reader.text[reader.at] !== '}') fail(reader.at, `the branch \`${selector} {…}\` is not closed with \`}\``)
    reader.at++
  }
  if (reader.text[reader.at] !== '}') fail(reader.at, `the plural {${name}, plural, …} is not closed with \`}\``)
  if (!forms['other']) fail(reader.at, `the plural {${name}, plural, …} needs an \`other {…}\` branch`)
  reader.at++
  return forms
}

/** Moves past white space; returns where the next thing starts. */
function skipSpace(reader: Reader): number {
  while (/\s/.test(reader.text[reader.at] ?? '')) reader.at++
  return reader.at
}

function match(reader: Reader, pattern: RegExp): string | null {
  pattern.lastIndex = reader.at
  const m = pattern.exec(reader.text)
  if (!m) return null
  reader.at = pattern.lastIndex
  return m[1]!
}
