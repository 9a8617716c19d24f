/**
 * The text a bank item stands for, in either form: `statement/Y/explanation`
 * (Y when the first answer is right) or `statement/N/explanation`. A base64
 * item is this text's UTF-8 bytes in base64; a readable item spells it out.
 *
 * The statement ends at the first `/Y/` or `/N/` (either case), so it cannot
 * hold one; the explanation may hold any slashes.
 */

/** The three parts of item text, untrimmed. */
export interface ItemText {
  /** Everything before the first `/Y/` or `/N/`. */
  statement: string
  /** `Y`, `N`, or the lower-case letter as written. */
  answer: string
  /** Everything after it. */
  explanation: string
}

const ITEM = /^([\s\S]*?)\/([YNyn])\/([\s\S]*)$/

/** Splits item text into its parts; null when it is not `statement/Y|N/explanation`. */
export function splitItemText(text: string): ItemText | null {
  const m = ITEM.exec(text)
  return m ? { statement: m[1]!, answer: m[2]!, explanation: m[3]! } : null
}

/** Joins the parts into item text. */
export function joinItemText(statement: string, answer: boolean, explanation: string): string {
  return `${statement}/${answer ? 'Y' : 'N'}/${explanation}`
}

/** Base64 of the text's UTF-8 bytes, padded: the form the reference banks use. */
export function encodeItemText(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64')
}
