/**
 * Splits a page into YAML front matter and Markdown body, and validates the
 * fields coursemark reads (`title`, `class`, `serial`; `layout` is accepted
 * and ignored, as it only meant something to Jekyll).
 */
import { error, type Diagnostic } from '../diagnostics/diagnostic.ts'
import type { FrontMatter, Page, PageKind, SourceFile } from './types.ts'
import { readSimpleYaml } from './simple-yaml.ts'
import { isYamlLoaded, readFullYaml } from './yaml-fields.ts'

const KINDS: readonly PageKind[] = ['index', 'chapter', 'section']

export interface FrontMatterResult {
  /** The page, or null when its front matter is unusable. */
  page: Page | null
  diagnostics: Diagnostic[]
  /** True when the front matter needs the full YAML parser: call `loadYaml()` and parse again. */
  needsYaml?: boolean
}

/**
 * Parses one source file into a page.
 *
 *     ---            ← line 1 must be exactly this
 *     title: Notes
 *     class: section
 *     serial: 25
 *     ---            ← closes the front matter (`...` also does)
 *     Markdown body…
 */
export function parseFrontMatter(file: SourceFile): FrontMatterResult {
  const diagnostics: Diagnostic[] = []
  const at = (line: number, column: number, code: string, message: string, hint: string) =>
    diagnostics.push(error({ code, message, file: file.path, line, column, hint }))

  const text = file.text.replace(/^\uFEFF/, '')
  if (!/^---[ \t]*\n/.test(text)) {
    at(
      1,
      1,
      'front-matter/missing',
      'The page has no front matter.',
      'Start the file with a `---` line, then `title:`, `class:` and `serial:` lines, then another `---` line.',
    )
    return { page: null, diagnostics }
  }
  const lines = text.split('\n')
  let close = -1
  for (let i = 1; i < lines.length; i++) {
    if (/^(---|\.\.\.)[ \t]*$/.test(lines[i]!)) {
      close = i
      break
    }
  }
  if (close < 0) {
    at(
      1,
      1,
      'front-matter/unclosed',
      'The front matter is never closed.',
      'Add a line `---` after the last front matter field.',
    )
    return { page: null, diagnostics }
  }

  const yamlLines = lines.slice(1, close)
  let fields = readSimpleYaml(yamlLines, 2)
  if (!fields) {
    if (!isYamlLoaded()) return { page: null, diagnostics, needsYaml: true }
    const full = readFullYaml(yamlLines.join('\n'), 2)
    if ('problems' in full) {
      for (const p of full.problems) {
        at(
          p.line,
          p.column,
          p.code,
          p.code === 'front-matter/not-a-map'
            ? 'The front matter must be a list of `name: value` fields.'
            : `The front matter is not valid YAML: ${p.message}`,
          p.code === 'front-matter/not-a-map'
            ? 'Write one field per line, such as `title: Welcome`.'
            : 'Check the indentation and quote values that contain a colon, e.g. `title: "Part 1: Basics"`.',
        )
      }
      return { page: null, diagnostics }
    }
    fields = full
  }
  const { data, positions } = fields
  // A field written with no value is reported on its own line; a missing one at the top.
  const lineOf = (key: string) => positions[key]?.line ?? 1
  const fieldPos = (key: string) => positions[key] ?? { line: 1, column: 1 }
  const fieldLines = Object.fromEntries(Object.entries(positions).map(([k, v]) => [k, v.line]))

  // title
  let title = ''
  const rawTitle = data['title']
  if (rawTitle === undefined || rawTitle === null || rawTitle === '') {
    at(
      lineOf('title'),
      1,
      'front-matter/missing-title',
      'The page has no `title`.',
      'Add a line such as `title: Getting started` to the front matter.',
    )
  } else if (typeof rawTitle === 'string' || typeof rawTitle === 'number') {
    title = String(rawTitle)
  } else {
    const p = fieldPos('title')
    at(
      p.line,
      p.column,
      'front-matter/bad-title',
      '`title` must be text.',
      'Write the title on one line, in quotes if it contains a colon.',
    )
  }

  // class
  let kind: PageKind | null = null
  const rawKind = data['class']
  if (rawKind === undefined || rawKind === null) {
    at(
      lineOf('class'),
      1,
      'front-matter/missing-class',
      'The page has no `class`.',
      'Add `class: section` (or `chapter`, or `index` for the course index).',
    )
  } else if (typeof rawKind === 'string' && (KINDS as readonly string[]).includes(rawKind)) {
    kind = rawKind as PageKind
  } else {
    const p = fieldPos('class')
    at(
      p.line,
      p.column,
      'front-matter/unknown-class',
      `Unknown class ${JSON.stringify(rawKind)}.`,
      'Use one of `index`, `chapter` or `section`.',
    )
  }

  // serial: required on chapters and sections, ignored on the index
  let serial: number | null = null
  const rawSerial = data['serial']
  if (kind !== 'index') {
    if (rawSerial === undefined || rawSerial === null) {
      if (kind)
        at(
          lineOf('serial'),
          1,
          'front-matter/missing-serial',
          `The ${kind} has no \`serial\`.`,
          'Add a line such as `serial: 3`: pages are ordered by serial.',
        )
    } else if (typeof rawSerial === 'number' && Number.isInteger(rawSerial) && rawSerial >= 0) {
      serial = rawSerial
    } else {
      const p = fieldPos('serial')
      at(
        p.line,
        p.column,
        'front-matter/bad-serial',
        `\`serial\` must be a whole number, not ${JSON.stringify(rawSerial)}.`,
        'Write a whole number of 0 or more, without quotes, e.g. `serial: 3`.',
      )
    }
  }

  let lang: string | null = null
  if (data['lang'] !== undefined) {
    if (typeof data['lang'] === 'string' && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(data['lang']))
      lang = data['lang']
    else {
      const p = fieldPos('lang')
      at(
        p.line,
        p.column,
        'front-matter/bad-lang',
        `\`lang\` must be a language tag such as \`en\` or \`pt-BR\`, not ${JSON.stringify(data['lang'])}.`,
        'Use a BCP 47 language tag.',
      )
    }
  }

  if (diagnostics.length || !kind) return { page: null, diagnostics }

  const front: FrontMatter = { title, kind, serial, lang, data, fieldLines }
  const id = pageId(file.path)
  const page: Page = {
    id: kind === 'index' ? 'index' : id,
    file: file.path,
    path: kind === 'index' ? '' : `${id}/`,
    front,
    body: lines.slice(close + 1).join('\n'),
    bodyLine: close + 2,
    source: { file: file.path, line: 1, column: 1 },
  }
  return { page, diagnostics }
}

/** `basics/intro.md` → `basics/intro`; `basics/index.md` → `basics`. */
export function pageId(path: string): string {
  const noExt = path.replace(/\.md$/, '')
  return noExt.endsWith('/index') ? noExt.slice(0, -'/index'.length) : noExt
}
