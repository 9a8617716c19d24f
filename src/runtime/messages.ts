/**
 * The interface's words, in the page's language. The runtime names a
 * message by its key, written as a string: `t('quiz.score')`. The build
 * replaces each such string in the script with the message itself, in the
 * language of the pages that load the script, compiled as a `RuntimeMessage`
 * (page-contract.ts), as it puts the manifest in its slot; a key is never
 * built from parts, or the build would not find it. So a page carries only
 * its own language's words, each once, where it is used.
 */
import type { RuntimeMessage } from '../page-contract.ts'

/** A placeholder's value: text as it is, or a number to write the language's way. */
export type Values = Record<string, string | number>

/**
 * The page's language's ten digits, put in by the build
 * (src/messages/language-digits.ts); '' when only Intl writes its numbers right.
 */
declare const __CM_DIGITS__: string

/**
 * `message` with `values` in its placeholders: a plural's branch is the
 * language's category for its number (`Intl.PluralRules`), else `other`, and
 * its `#` is the number; numbers are written the language's way
 * (numberText). Small, as it is in every page's first visit.
 */
export function t(message: RuntimeMessage, values: Values = {}): string {
  const lang = document.documentElement.lang
  return (typeof message === 'string' ? [message] : message)
    .map((part) =>
      // `#` first: a value put in below may itself hold a `#`.
      (typeof part === 'string'
        ? part
        : (part[1][new Intl.PluralRules(lang).select(+(values[part[0]] as number))] || part[1].other || '').replace(
            /#/g,
            `{${part[0]}}`,
          )
      ).replace(/\{(\w+)\}/g, (_, name: string) => {
        const value = values[name] as string | number
        return typeof value === 'number' ? numberText(value, lang) : value
      }),
    )
    .join('')
}

/**
 * A number the language's way. A small whole number (a count, a score) is
 * its digits in a row: a page's first `toLocaleString` would cost a phone's
 * main thread some 15 ms (Intl's number data) just as the quiz is wired.
 */
function numberText(n: number, lang: string): string {
  return __CM_DIGITS__ && n >= 0 && n < 1000 && n % 1 === 0
    ? String(n).replace(/\d/g, (d) => __CM_DIGITS__[+d] as string)
    : n.toLocaleString(lang)
}

/** An ISO date as a day in the page's language ("2 May 2025", "2 mai 2025"), or null when it is no date. */
export function formatDay(iso: string): string | null {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return null
  return date.toLocaleDateString(document.documentElement.lang, { year: 'numeric', month: 'short', day: 'numeric' })
}
