/**
 * Parses the inside of a kramdown block attribute list, the part between
 * `{:` and `}`:
 *
 *     {: #quiz .wide data-n="6" data-opt='Yes,No'}
 *        ^id   ^class ^name="value"  ^name='value'
 *
 * Pure: positions in the result are offsets into the given text, so the
 * caller can turn them into columns.
 */

export interface AttrList {
  /** The `#id`, when one is given (the last one wins, as in kramdown). */
  id: string | null
  /** Every `.class`, in order. */
  classes: string[]
  /** Every `name="value"` pair, in order. */
  attrs: [string, string][]
}

export interface AttrListProblem {
  /** 0-based offset into the parsed text. */
  offset: number
  message: string
  hint: string
}

export interface ParsedAttrList {
  list: AttrList
  problems: AttrListProblem[]
}

const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y
const IDENT = /[^\s.#='"}]+/y

/** Parses `text`, the characters between `{:` and the closing `}`. */
export function parseAttrList(text: string): ParsedAttrList {
  const out: ParsedAttrList = { list: { id: null, classes: [], attrs: [] }, problems: [] }
  let i = 0
  while (i < text.length) {
    const c = text[i]
    if (c === ' ' || c === '\t') i++
    else if (c === '.' || c === '#') i = readShorthand(text, i, out)
    else i = readPair(text, i, out)
  }
  return out
}

/** `.class` or `#id` at `i`; returns where the next item may start. */
function readShorthand(text: string, i: number, out: ParsedAttrList): number {
  const c = text[i]
  IDENT.lastIndex = i + 1
  const word = IDENT.exec(text)?.[0] ?? ''
  if (!word) {
    out.problems.push({
      offset: i,
      message: `\`${c}\` must be followed by a ${c === '.' ? 'class name' : 'id'}.`,
      hint:
        c === '.'
          ? 'Write a class as `.name`, with no space after the dot.'
          : 'Write an id as `#name`, with no space after the `#`.',
    })
    return i + 1
  }
  if (c === '.') out.list.classes.push(word)
  else out.list.id = word
  return i + 1 + word.length
}

/** `name="value"` (or `name='value'`) at `i`, or a word that is no attribute; returns where the next item may start. */
function readPair(text: string, i: number, out: ParsedAttrList): number {
  NAME.lastIndex = i
  const name = NAME.exec(text)?.[0]
  if (!name || text[i + name.length] !== '=') {
    const word = text.slice(i, skipToSpace(text, i))
    out.problems.push({
      offset: i,
      message: `\`${word}\` is not an attribute.`,
      hint: 'Use `.class`, `#id` or `name="value"`, separated by spaces, e.g. `{: .conv}` or `{: data-n="6"}`.',
    })
    return i + word.length
  }
  const q = text[i + name.length + 1]
  if (q !== '"' && q !== "'") {
    out.problems.push({
      offset: i + name.length + 1,
      message: `The value of \`${name}\` must be in quotes.`,
      hint: `Write \`${name}="value"\`.`,
    })
    return skipToSpace(text, i)
  }
  const valueStart = i + name.length + 2
  const value = readQuoted(text, valueStart, q)
  if (!value) {
    out.problems.push({
      offset: valueStart - 1,
      message: `The value of \`${name}\` has no closing quote.`,
      hint: `Close it with ${q}.`,
    })
    return text.length
  }
  out.list.attrs.push([name, value.text])
  return value.end + 1
}

/**
 * The value starting at `from` up to the closing quote `q` (at `end`); null
 * when it is never closed. Values may contain the other quote, or the same
 * quote escaped with a backslash.
 */
function readQuoted(text: string, from: number, q: string): { text: string; end: number } | null {
  let j = from
  let value = ''
  while (j < text.length && text[j] !== q) {
    if (text[j] === '\\' && text[j + 1] === q) {
      value += q
      j += 2
    } else value += text[j++]
  }
  return j < text.length ? { text: value, end: j } : null
}

function skipToSpace(text: string, from: number): number {
  let i = from
  while (i < text.length && text[i] !== ' ' && text[i] !== '\t') i++
  return i
}

/** The block attribute list syntax: a whole line `{: … }`, up to three spaces of indent. */
export const ATTR_LIST_LINE = /^ {0,3}\{:(.*)\}[ \t]*$/
