/**
 * Stage 3, course outline: the loaded pages put in order, one index, then
 * chapters and sections by serial, each section belonging to the chapter
 * before it. Nothing of the pages' bodies is read yet.
 */
import { error, type Diagnostic } from '../diagnostics/diagnostic.ts'
import type { Page, StaticFile } from '../load/types.ts'
import { checkOutputPaths } from './check-output-paths.ts'
import type { CourseOutline, OutlineEntry, ReadingOrder } from './types.ts'

export interface OutlinedCourse {
  /** The outline, or null when the pages make no course (no index, say). */
  outline: CourseOutline | null
  /** The pages in the outline's order, or as near to it as they allow when there is no outline. */
  reading: ReadingOrder
  diagnostics: Diagnostic[]
}

/**
 * Puts `pages` in course order. `collection` is the course folder's name,
 * which the reference pages use in Liquid as `site.<collection>`.
 */
export function outlineCourse(pages: Page[], statics: StaticFile[], collection: string): OutlinedCourse {
  const indexes = pages.filter((p) => p.front.kind === 'index')
  const gated = pages.filter((p) => p.front.kind !== 'index')
  const diagnostics = [
    ...checkIndexes(indexes, gated),
    ...checkAddresses(gated),
    ...checkSerials(gated),
    ...checkOutputPaths(pages, statics),
  ]
  const index = indexes[0]
  if (diagnostics.length || !index)
    return { outline: null, reading: readingOrder(indexes, gated, collection), diagnostics }
  const made = outline(index, gated, statics, collection)
  const reading = { collection, title: made.title, pages: [index, ...made.sequence.map((e) => e.page)], unlisted: [] }
  return { outline: made, reading, diagnostics }
}

/** The order of a course whose outline has errors: every index, then the rest by serial, then by file. */
function readingOrder(indexes: Page[], gated: Page[], collection: string): ReadingOrder {
  const bySerial = [...gated].sort(
    (a, b) => (a.front.serial ?? Infinity) - (b.front.serial ?? Infinity) || (a.file < b.file ? -1 : 1),
  )
  const title = indexes[0] ? courseTitle(indexes[0]) : collection
  return { collection, title, pages: [...indexes, ...bySerial], unlisted: [] }
}

function courseTitle(index: Page): string {
  const given = index.front.data['course_title']
  return typeof given === 'string' && given ? given : index.front.title
}

/** One index, and at least one chapter or section beside it. */
function checkIndexes(indexes: Page[], gated: Page[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  if (indexes.length === 0) {
    diagnostics.push(
      error({
        code: 'course/no-index',
        message: 'The course has no index page.',
        file: '',
        line: 0,
        column: 0,
        hint: 'Add an index.md whose front matter has `class: index`: it becomes the course home page.',
      }),
    )
  }
  for (const extra of indexes.slice(1)) {
    diagnostics.push(
      error({
        code: 'course/two-indexes',
        message: `A second index page: ${indexes[0]!.file} is already the index.`,
        file: extra.file,
        line: 1,
        column: 1,
        hint: 'A course has one index; give this page `class: chapter` or `class: section` and a serial.',
      }),
    )
  }

  if (gated.length === 0 && indexes.length > 0) {
    diagnostics.push(
      error({
        code: 'course/empty',
        message: 'The course has no chapters or sections.',
        file: indexes[0]!.file,
        line: 1,
        column: 1,
        hint: 'Add pages with `class: chapter` or `class: section` and a serial.',
      }),
    )
  }
  return diagnostics
}

/** Every chapter and section published at an address of its own. */
function checkAddresses(gated: Page[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  const ids = new Map<string, Page>()
  for (const p of gated) {
    const other = ids.get(p.id)
    const unsafe = /[#?]/.exec(p.id)
    if (unsafe) {
      diagnostics.push(
        error({
          code: 'course/bad-file-name',
          message: `${p.file} has \`${unsafe[0]}\` in its name, which cannot be part of a page's address.`,
          file: p.file,
          line: 1,
          column: 1,
          hint: `Rename the file without \`#\` or \`?\`: in a URL they start a fragment or a query.`,
        }),
      )
    } else if (p.id === 'index') {
      diagnostics.push(
        error({
          code: 'course/reserved-name',
          message: `${p.file} would be published as the course home page, but it is a ${p.front.kind}.`,
          file: p.file,
          line: 1,
          column: 1,
          hint: 'Rename the file: the course home page is the page with `class: index`.',
        }),
      )
    } else if (other) {
      diagnostics.push(
        error({
          code: 'course/duplicate-page',
          message: `${p.file} and ${other.file} would both be published at ${p.path}.`,
          file: p.file,
          line: 1,
          column: 1,
          hint: 'Rename one of the two files.',
        }),
      )
    } else ids.set(p.id, p)
  }
  return diagnostics
}

/** Every chapter and section with a serial of its own. */
function checkSerials(gated: Page[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  const bySerial = new Map<number, Page>()
  for (const p of gated) {
    const s = p.front.serial!
    const first = bySerial.get(s)
    if (first) {
      diagnostics.push(
        error({
          code: 'course/duplicate-serial',
          message: `serial ${s} is also used by ${first.file}.`,
          file: p.file,
          ...serialLine(p),
          hint: 'Give every chapter and section its own serial: pages are ordered by it.',
        }),
      )
    } else bySerial.set(s, p)
  }
  return diagnostics
}

/** The outline of a course whose pages passed the checks. */
function outline(index: Page, gated: Page[], statics: StaticFile[], collection: string): CourseOutline {
  const ordered = [...gated].sort((a, b) => a.front.serial! - b.front.serial!)
  let chapterId: string | null = null
  const sequence: OutlineEntry[] = ordered.map((page, position) => {
    if (page.front.kind === 'chapter') chapterId = page.id
    return { page, position, chapterId }
  })

  const data = index.front.data
  const pinned = typeof data['course_id'] === 'string' && data['course_id'] !== ''
  return {
    id: pinned ? (data['course_id'] as string) : collection,
    idPinned: pinned,
    offline: data['offline'] !== false,
    title: courseTitle(index),
    lang: index.front.lang ?? 'en',
    index,
    sequence,
    statics,
    collection,
  }
}

function serialLine(p: Page): { line: number; column: number } {
  return { line: p.front.fieldLines['serial'] ?? 1, column: 1 }
}
