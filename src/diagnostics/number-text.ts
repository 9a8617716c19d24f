/**
 * Whole numbers as the English diagnostics write them (`10,000,000`).
 * Not `toLocaleString`: the process's first Intl number format loads ICU's
 * data, some 12 to 18 ms, and a build that reports nothing should not pay
 * for the words of a limit it never reached.
 */
export function groupedDigits(n: number): string {
  const digits = String(Math.trunc(Math.abs(n)))
  let out = ''
  for (let end = digits.length; end > 0; end -= 3) out = digits.slice(Math.max(0, end - 3), end) + (out && `,${out}`)
  return n < 0 ? `-${out}` : out
}
