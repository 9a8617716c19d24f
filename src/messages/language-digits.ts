/**
 * The ten digits a language writes numbers with, as `Intl.NumberFormat`
 * writes them (`0123456789`, `٠١٢٣٤٥٦٧٨٩` for `ar-EG`).
 * The runtime writes its small numbers (a quiz's counts and scores) with
 * these instead of calling Intl itself (src/runtime/messages.ts): a page's
 * first `Intl.NumberFormat` costs a phone's main thread some 15 ms, 60 ms
 * with the CPU 4× slower, just as the quiz is wired.
 *
 * Languages that write ASCII digits in every region are known without Intl,
 * whose first number format costs a build some 12 ms.
 */
const ASCII_EVERYWHERE = new Set(['en', 'es', 'fr', 'de', 'pt', 'it', 'nl', 'pl', 'he'])

const ASCII = '0123456789'

/** Digits by language tag, as found (Intl once per language). */
const found = new Map<string, string>()

/**
 * `lang`'s digits, ten UTF-16 code units; '' when its small whole numbers
 * are not just its digits in a row, or a digit is more than one code unit
 * (the runtime then asks Intl).
 */
export function languageDigits(lang: string): string {
  const primary = lang.toLowerCase().split('-')[0] ?? ''
  // A `-u-` extension may ask for other digits (`de-u-nu-arab`).
  if (ASCII_EVERYWHERE.has(primary) && !/-u-/i.test(lang)) return ASCII
  let digits = found.get(lang)
  if (digits === undefined) {
    digits = digitsOf(lang)
    found.set(lang, digits)
  }
  return digits
}

function digitsOf(lang: string): string {
  let format: Intl.NumberFormat
  try {
    format = new Intl.NumberFormat(lang)
  } catch {
    // A tag Intl refuses: the runtime's toLocaleString meets it as it always did.
    return ''
  }
  const digits = Array.from({ length: 10 }, (_, d) => format.format(d))
  if (digits.some((d) => d.length !== 1)) return ''
  const inRow = (n: number) => [...String(n)].map((d) => digits[Number(d)]).join('')
  return [10, 987, 999].every((n) => format.format(n) === inRow(n)) ? digits.join('') : ''
}
