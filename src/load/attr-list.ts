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
  const list: AttrList = { id: null, classes: [], attrs: [] }
  const problems: AttrListProblem[] = []
  let i = 0
  const n = text.length

  const readWord = (start: number): string => {
    IDENT.lastIndex = start
    const m = IDENT.exec(text)
    return m ? m[0] : ''
  }

  while (i < n) {
    const c = text[i]!
    if (c === ' ' || c === '\t') {
      i++
      continue
    }
    if (c === '.' || c === '#') {
      const word = readWord(i + 1)
      if (!word) {
        problems.push({
          offset: i,
          message: `\`${c}\` must be followed by a ${c === '.' ? 'class name' : 'id'}.`,
          hint:
            c === '.'
              ? 'Write a class as `.name`, with no space after the dot.'
              : 'Write an id as `#name`, with no space after the `#`.',
        })
        i++
        continue
      }
      if (c === '.') list.classes.push(word)
      else list.id = word
      i += 1 + word.length
      continue
    }
    NAME.lastIndex = i
    const name = NAME.exec(text)
    if (name && text[i + name[0].length] === '=') {
      const q = text[i + name[0].length + 1]
      const valueStart = i + name[0].length + 2
      if (q !== '"' && q !== "'") {
        problems.push({
          offset: i + name[0].length + 1,
          message: `The value of \`${name[0]}\` must be in quotes.`,
          hint: `Write \`${name[0]}="value"\`.`,
        })
        i = skipToSpace(text, i)
        continue
      }
      // Values may contain the other quote, or the same quote escaped with a backslash.
      let j = valueStart
      let value = ''
      while (j < n && text[j] !== q) {
        if (text[j] === '\\' && text[j + 1] === q) {
          value += q
          j += 2
        } else value += text[j++]
      }
      if (j >= n) {
        problems.push({
          offset: valueStart - 1,
          message: `The value of \`${name[0]}\` has no closing quote.`,
          hint: `Close it with ${q}.`,
        })
        break
      }
      list.attrs.push([name[0], value])
      i = j + 1
      continue
    }
    const word = text.slice(i, skipToSpace(text, i))
    problems.push({
      offset: i,
      message: `\`${word}\` is not an attribute.`,
      hint: 'Use `.class`, `#id` or `name="value"`, separated by spaces, e.g. `{: .conv}` or `{: data-n="6"}`.',
    })
    i += word.length
  }
  return { list, problems }
}

function skipToSpace(text: string, from: number): number {
  let i = from
  while (i < text.length && text[i] !== ' ' && text[i] !== '\t') i++
  return i
}

/** The block attribute list syntax: a whole line `{: … }`, up to three spaces of indent. */
export const ATTR_LIST_LINE = /^ {0,3}\{:(.*)\}[ \t]*$/
