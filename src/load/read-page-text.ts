/**
 * One page read from disk as the pipeline reads it: at most MAX_PAGE_BYTES,
 * UTF-8 (a page in another encoding would build with replacement
 * characters), CRLF and CR line ends made LF.
 */
import { readFileSync, statSync } from 'node:fs'
import { isUtf8 } from 'node:buffer'
import { error, type Diagnostic } from '../diagnostics/diagnostic.ts'

/**
 * The largest page read: 2 MB. Real pages are a few KB; one far larger is
 * a mistake (a log or a dump saved as .md). The densest Markdown (emphasis
 * on every word, a link every few characters) takes some 350 bytes of
 * memory per byte of page to parse: at 2 MB a build stays under 1 GiB, at
 * 10 MB it passed 2.5 GiB.
 */
export const MAX_PAGE_BYTES = 2 * 1024 * 1024

/** A page's text, or the problem that keeps it from being read. */
export type PageText = { text: string } | { problem: Diagnostic }

/** Reads the page at `abs`; `rel` is its path in the course, for diagnostics. Throws only on IO errors. */
export function readPageText(abs: string, rel: string): PageText {
  const size = statSync(abs).size
  if (size > MAX_PAGE_BYTES) return { problem: tooLarge(rel, size) }
  const bytes = readFileSync(abs)
  // The file may have grown since it was measured.
  if (bytes.length > MAX_PAGE_BYTES) return { problem: tooLarge(rel, bytes.length) }
  if (!isUtf8(bytes)) return { problem: notUtf8(rel, bytes) }
  return { text: bytes.toString('utf8').replace(/\r\n?/g, '\n') }
}

function tooLarge(rel: string, size: number): Diagnostic {
  return error({
    code: 'load/page-too-large',
    message: `${rel} is ${megabytes(size)}; a page may be at most ${megabytes(MAX_PAGE_BYTES)}.`,
    file: rel,
    line: 0,
    column: 0,
    hint: 'Split it into several pages, or, if it is not a page, rename it so that it does not end in .md.',
  })
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`
}

function notUtf8(rel: string, bytes: Buffer): Diagnostic {
  const at = firstInvalidUtf8(bytes)
  const lineStart = bytes.lastIndexOf(0x0a, at - 1) + 1
  let line = 1
  for (let i = bytes.indexOf(0x0a); i >= 0 && i < at; i = bytes.indexOf(0x0a, i + 1)) line++
  return error({
    code: 'load/not-utf8',
    message: `${rel} is not UTF-8 text: byte 0x${bytes[at]!.toString(16).padStart(2, '0')} here starts no UTF-8 character.`,
    file: rel,
    line,
    column: bytes.subarray(lineStart, at).toString('utf8').length + 1,
    hint: 'Save the file as UTF-8 (in most editors: Save with encoding, UTF-8).',
  })
}

/** The offset of the first byte that is not part of a well-formed UTF-8 sequence (the bytes are known not to be UTF-8). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i)
    if (length === 0) return i
    i += length
  }
  return bytes.length
}

/** The length of the well-formed UTF-8 sequence at `i`, or 0 (RFC 3629: no overlongs, surrogates or values past U+10FFFF). */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!
  if (b < 0x80) return 1
  const cont = (k: number, lo = 0x80, hi = 0xbf) => {
    const c = bytes[i + k]
    return c !== undefined && c >= lo && c <= hi
  }
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0
  if (b >= 0xe0 && b <= 0xef) {
    const lo = b === 0xe0 ? 0xa0 : 0x80
    const hi = b === 0xed ? 0x9f : 0xbf
    return cont(1, lo, hi) && cont(2) ? 3 : 0
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const lo = b === 0xf0 ? 0x90 : 0x80
    const hi = b === 0xf4 ? 0x8f : 0xbf
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0
  }
  return 0
}
