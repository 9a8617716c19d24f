/**
 * The front matter fields coursemark reads, checked one by one: `title`,
 * `class` (a page's kind), `serial` and `lang`. Each problem is reported at
 * the field, or at the top of the front matter when the field is missing.
 */
import type { FrontMatter, PageKind } from './types.ts'
import type { FrontMatterFields } from './yaml-fields.ts'

/** Reports a problem: 1-based line and column, code, message, hint. */
export type Report = (line: number, column: number, code: string, message: string, hint: string) => void

const KINDS: readonly PageKind[] = ['index', 'chapter', 'section']

/** Where a field was written, for the checks' reports. */
class Fields {
  constructor(
    readonly data: Record<string, unknown>,
    private readonly positions: FrontMatterFields['positions'],
  ) {}

  /** A field written with no value is reported on its own line; a missing one at the top. */
  lineOf(key: string): number {
    return this.positions[key]?.line ?? 1
  }

  /** Where the field's value starts. */
  at(key: string): { line: number; column: number } {
    return this.positions[key] ?? { line: 1, column: 1 }
  }
}

/** The checked fields, or null when the page has no usable kind; every problem is reported. */
export function checkFields(
  data: Record<string, unknown>,
  positions: FrontMatterFields['positions'],
  report: Report,
): Pick<FrontMatter, 'title' | 'kind' | 'serial' | 'lang'> | null {
  const fields = new Fields(data, positions)
  const title = checkTitle(fields, report)
  const kind = checkKind(fields, report)
  const serial = kind === 'index' ? null : checkSerial(fields, kind, report)
  const lang = checkLang(fields, report)
  return kind ? { title, kind, serial, lang } : null
}

function checkTitle(fields: Fields, report: Report): string {
  const raw = fields.data['title']
  if (raw === undefined || raw === null || raw === '') {
    report(
      fields.lineOf('title'),
      1,
      'front-matter/missing-title',
      'The page has no `title`.',
      'Add a line such as `title: Getting started` to the front matter.',
    )
    return ''
  }
  if (typeof raw === 'string' || typeof raw === 'number') return String(raw)
  const p = fields.at('title')
  report(
    p.line,
    p.column,
    'front-matter/bad-title',
    '`title` must be text.',
    'Write the title on one line, in quotes if it contains a colon.',
  )
  return ''
}

/** The page's kind, from its `class` field. */
function checkKind(fields: Fields, report: Report): PageKind | null {
  const raw = fields.data['class']
  if (raw === undefined || raw === null) {
    report(
      fields.lineOf('class'),
      1,
      'front-matter/missing-class',
      'The page has no `class`.',
      'Add `class: section` (or `chapter`, or `index` for the course index).',
    )
    return null
  }
  if (typeof raw === 'string' && (KINDS as readonly string[]).includes(raw)) return raw as PageKind
  const p = fields.at('class')
  report(
    p.line,
    p.column,
    'front-matter/unknown-class',
    `Unknown class ${JSON.stringify(raw)}.`,
    'Use one of `index`, `chapter` or `section`.',
  )
  return null
}

/** Required on chapters and sections (not checked on the index). */
function checkSerial(fields: Fields, kind: PageKind | null, report: Report): number | null {
  const raw = fields.data['serial']
  if (raw === undefined || raw === null) {
    if (kind)
      report(
        fields.lineOf('serial'),
        1,
        'front-matter/missing-serial',
        `The ${kind} has no \`serial\`.`,
        'Add a line such as `serial: 3`: pages are ordered by serial.',
      )
    return null
  }
  if (typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0) return raw
  const p = fields.at('serial')
  if (typeof raw === 'number' && Number.isInteger(raw) && raw > 0) {
    // Beyond 2^53 two serials can read as the same number, and the order breaks.
    report(
      p.line,
      p.column,
      'front-matter/bad-serial',
      '`serial` is too large to be kept exactly.',
      `Use a whole number up to ${Number.MAX_SAFE_INTEGER}; serials need only be in order, not consecutive.`,
    )
    return null
  }
  report(
    p.line,
    p.column,
    'front-matter/bad-serial',
    `\`serial\` must be a whole number, not ${JSON.stringify(raw)}.`,
    'Write a whole number of 0 or more, without quotes, e.g. `serial: 3`.',
  )
  return null
}

function checkLang(fields: Fields, report: Report): string | null {
  const raw = fields.data['lang']
  if (raw === undefined) return null
  if (typeof raw === 'string' && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(raw) && isLocale(raw)) return raw
  const p = fields.at('lang')
  report(
    p.line,
    p.column,
    'front-matter/bad-lang',
    `\`lang\` must be a language tag such as \`en\` or \`pt-BR\`, not ${JSON.stringify(raw)}.`,
    'Use a BCP 47 language tag.',
  )
  return null
}

/** True when `Intl` takes the tag: the runtime formats numbers, dates and plurals with it, and would throw on one it does not. */
function isLocale(tag: string): boolean {
  try {
    Intl.getCanonicalLocales(tag)
    return true
  } catch {
    return false
  }
}
