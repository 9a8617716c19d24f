/**
 * Rewrites a page's quiz bank between its two forms and leaves every other
 * byte of the page as it was: what `coursemark quiz decode` prints and what
 * `coursemark quiz encode` writes. Pure: a page's text in, a page's text out.
 *
 *     - TGlzdGVuZXJzIG1heSBz…/Ti9LZWVw…==      decode →   - Listeners may share details of chats.
 *                                             ← encode       - False: Keep all details confidential.
 *
 * Front matter that needs the YAML library must find it loaded (`loadYaml`).
 *
 * Decoding rewrites an item only when encoding it gives back exactly the
 * line it came from, so `decode` then `encode` returns the page byte for
 * byte; an item that cannot make that trip (a statement written over two
 * lines, say) stays in base64, with a note.
 */
import { note, type Diagnostic } from '../diagnostics/diagnostic.ts'
import { parseFrontMatter } from '../load/front-matter.ts'
import { encodeItemText, joinItemText, splitItemText } from '../model/item-text.ts'
import { formatReadableItem, isReadableItem, parseReadableItem } from '../model/readable-bank.ts'
import { builtInMessages } from '../messages/course-messages.ts'
import { DEFAULT_OPTIONS, decodeItemText, parseQuizOptions, parseStatement } from '../model/quiz-bank.ts'
import type { RawBankItem } from '../model/types.ts'
import { createMarkdown } from '../render/markdown.ts'
import { type CourseLookup, createRenderEnv, type FoundQuiz } from '../render/render-env.ts'

export interface BankRewrite {
  /** The page's text after the rewrite; the input itself when nothing changed. */
  text: string
  /** How many bank items were rewritten. */
  rewritten: number
  /** Errors (an item that cannot be read) and notes (an item left as it was). */
  diagnostics: Diagnostic[]
}

/** A page split into lines, keeping each line's own ending so that untouched lines come back as they were. */
interface Lines {
  lines: string[]
  /** `eols[i]` ends `lines[i]`: `\n`, `\r\n`, `\r`, or `''` for a last line without one. */
  eols: string[]
}

/** Replaces file lines `from`..`to` (1-based, inclusive) with `lines`. */
interface Edit {
  from: number
  to: number
  lines: string[]
}

/**
 * Rewrites the bank's base64 items in the readable form, where that
 * round-trips exactly. `answers` are the quiz's two answers when it has no
 * `data-opt`: True and False, or the course language's (quiz.true, quiz.false).
 */
export function decodeBanks(path: string, text: string, answers: [string, string] = DEFAULT_OPTIONS): BankRewrite {
  const page = splitLines(text)
  const found = findBank(path, page)
  if (!found.quiz?.items) return { text, rewritten: 0, diagnostics: found.diagnostics }
  const diagnostics = found.diagnostics
  const optionProblems: Diagnostic[] = []
  const options = parseQuizOptions(found.quiz.decl, optionProblems, answers)
  if (optionProblems.length) return { text, rewritten: 0, diagnostics: [...diagnostics, ...optionProblems] }

  const edits: { edit: Edit; item: RawBankItem }[] = []
  for (const item of found.quiz.items) {
    if (isReadableItem(item)) continue
    const decoded = decodeItemText(item, diagnostics)
    if (decoded === null) continue
    const parts = splitItemText(decoded)
    if (!parts) {
      parseStatement(decoded, item.source, diagnostics) // reports why
      continue
    }
    const lines = /^[YN]$/.test(parts.answer)
      ? formatReadableItem(
          { statement: parts.statement, answer: parts.answer === 'Y', explanation: parts.explanation },
          options,
        )
      : null
    if (!lines) {
      diagnostics.push(kept(item))
      continue
    }
    const { first, last, prefix } = itemSpan(item, page)
    edits.push({
      item,
      edit: { from: first, to: last, lines: [prefix + lines[0], ' '.repeat(prefix.length) + lines[1]] },
    })
  }
  if (!edits.length) return { text, rewritten: 0, diagnostics }

  const roundTrips = (chosen: Edit[]) => {
    const candidate = applyEdits(page, chosen)
    const back = encodeBanks(path, candidate, answers)
    return back.text === text && !back.diagnostics.some((d) => d.severity === 'error') ? candidate : null
  }
  const all = roundTrips(edits.map((e) => e.edit))
  if (all !== null) return { text: all, rewritten: edits.length, diagnostics }
  // Some item does not survive the trip: keep each one that does on its own.
  const good = edits.filter((e) => {
    if (roundTrips([e.edit]) !== null) return true
    diagnostics.push(kept(e.item))
    return false
  })
  const some = roundTrips(good.map((e) => e.edit))
  if (some === null) throw new Error(`decodeBanks: the items of ${path} round-trip one by one but not together`)
  return { text: good.length ? some : text, rewritten: good.length, diagnostics }
}

/** Rewrites the bank's readable items as base64; rewrites nothing when any of them has a problem. `answers`: as for `decodeBanks`. */
export function encodeBanks(path: string, text: string, answers: [string, string] = DEFAULT_OPTIONS): BankRewrite {
  const page = splitLines(text)
  const found = findBank(path, page)
  const readable = found.quiz?.items?.filter(isReadableItem) ?? []
  if (!found.quiz || !readable.length) return { text, rewritten: 0, diagnostics: found.diagnostics }
  const diagnostics = found.diagnostics
  const before = diagnostics.length
  const options = parseQuizOptions(found.quiz.decl, diagnostics, answers)
  const edits: Edit[] = []
  for (const item of readable) {
    const read = parseReadableItem(item, options, diagnostics)
    if (!read) continue
    const itemText = joinItemText(read.statement, read.answer, read.explanation)
    if (!parseStatement(itemText, item.source, diagnostics)) continue
    const { first, last, prefix } = itemSpan(item, page)
    edits.push({ from: first, to: last, lines: [prefix + encodeItemText(itemText)] })
  }
  if (diagnostics.slice(before).some((d) => d.severity === 'error')) return { text, rewritten: 0, diagnostics }
  return { text: applyEdits(page, edits), rewritten: edits.length, diagnostics }
}

function kept(item: RawBankItem): Diagnostic {
  return note({
    code: 'quiz/kept-base64',
    message: 'This item stays in base64: the readable form would not encode back to exactly the same text.',
    file: item.source.file,
    line: item.source.line,
    column: item.source.column,
    hint: 'Its text spans lines, starts with a space, or uses a lower-case y/n; decode it by hand if you need to.',
  })
}

let md: ReturnType<typeof createMarkdown> | null = null

const NO_COURSE: CourseLookup = {
  base: '/',
  urls: 'absolute',
  lms: false,
  pageByFile: new Map(),
  pageBySerial: new Map(),
  pageByUrl: new Map(),
}

/** The page's quiz declaration and bank, found the way the build finds them (no Liquid is run). */
function findBank(path: string, page: Lines): { quiz: FoundQuiz | null; diagnostics: Diagnostic[] } {
  const parsed = parseFrontMatter({ path, text: page.lines.join('\n') })
  if (parsed.needsYaml)
    throw new Error('rewrite-banks: call loadYaml() first; this front matter needs the YAML library')
  if (!parsed.page) return { quiz: null, diagnostics: parsed.diagnostics }
  const p = parsed.page
  md ??= createMarkdown()
  // Only the bank matters here; what the other rules report is for build and check.
  const env = createRenderEnv(p, NO_COURSE, (l) => p.bodyLine + l, [], builtInMessages('en'))
  md.parse(p.body, env)
  return { quiz: env.quiz, diagnostics: [] }
}

/** The file lines an item covers, and what comes before its text on the first (the list marker and indent). */
function itemSpan(item: RawBankItem, page: Lines): { first: number; last: number; prefix: string } {
  const lines = item.lines ?? []
  const first = lines[0]?.line ?? item.source.line
  const last = lines[lines.length - 1]?.line ?? first
  const prefix = (page.lines[first - 1] ?? '').slice(0, (lines[0]?.column ?? item.source.column) - 1)
  return { first, last, prefix }
}

function splitLines(text: string): Lines {
  const lines: string[] = []
  const eols: string[] = []
  const re = /\r\n|\r|\n/g
  let at = 0
  for (let m = re.exec(text); m; m = re.exec(text)) {
    lines.push(text.slice(at, m.index))
    eols.push(m[0])
    at = m.index + m[0].length
  }
  lines.push(text.slice(at))
  eols.push('')
  return { lines, eols }
}

/** Applies edits (sorted, not overlapping); a new line break takes the ending of the line it follows. */
function applyEdits(page: Lines, edits: Edit[]): string {
  const out: string[] = []
  const sorted = [...edits].sort((a, b) => a.from - b.from)
  const lineEnd = page.eols.find((e) => e) ?? '\n'
  let next = 1
  for (const e of sorted) {
    for (; next < e.from; next++) out.push(page.lines[next - 1]! + page.eols[next - 1]!)
    e.lines.forEach((l, k) => {
      out.push(l + (k < e.lines.length - 1 ? page.eols[e.from - 1] || lineEnd : page.eols[e.to - 1]!))
    })
    next = e.to + 1
  }
  for (; next <= page.lines.length; next++) out.push(page.lines[next - 1]! + page.eols[next - 1]!)
  return out.join('')
}
