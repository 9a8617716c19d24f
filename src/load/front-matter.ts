/**
 * Splits a page into YAML front matter and Markdown body, and validates the
 * fields coursemark reads (`title`, `class`, `serial`; `layout` is accepted
 * and ignored, as it only meant something to Jekyll).
 */
import { error, type Diagnostic } from '../diagnostics/diagnostic.ts'
import { checkFields, type Report } from './front-matter-fields.ts'
import type { FrontMatterFields } from './yaml-fields.ts'
import type { FrontMatter, Page, SourceFile } from './types.ts'
import { readSimpleYaml } from './simple-yaml.ts'
import { isYamlLoaded, readFullYaml } from './yaml-fields.ts'

export interface FrontMatterResult {
  /** The page, or null when its front matter is unusable. */
  page: Page | null
  /**
   * When the front matter is unusable but the body is known (the front
   * matter is closed): the page with what could be read of its front
   * matter, so that its body is still checked. Null otherwise.
   */
  draft?: Page | null
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
  const report: Report = (line, column, code, message, hint) =>
    diagnostics.push(error({ code, message, file: file.path, line, column, hint }))

  const split = splitFrontMatter(file.text.replace(/^\uFEFF/, ''), report)
  if (!split) return { page: null, diagnostics }
  const fields = readFields(split.yamlLines, report)
  if (fields === 'needs-yaml') return { page: null, diagnostics, needsYaml: true }
  const checked = fields ? checkFields(fields.data, fields.positions, report) : null
  const front = frontMatter(checked, fields ?? { data: {}, positions: {}, entries: {} })
  const page = makePage(file, front, split)
  return diagnostics.length || !checked ? { page: null, draft: page, diagnostics } : { page, diagnostics }
}

/** The front matter from its checked fields; in a draft, what could not be read is left empty (kind: section). */
function frontMatter(checked: ReturnType<typeof checkFields>, fields: FrontMatterFields): FrontMatter {
  const fieldLines = Object.fromEntries(Object.entries(fields.positions).map(([k, v]) => [k, v.line]))
  const known = checked ?? { title: '', kind: 'section', serial: null, lang: null }
  return { ...known, data: fields.data, fieldLines, entryPositions: fields.entries }
}

function makePage(file: SourceFile, front: FrontMatter, split: { bodyLines: string[]; bodyLine: number }): Page {
  const id = pageId(file.path)
  const isIndex = front.kind === 'index'
  return {
    id: isIndex ? 'index' : id,
    file: file.path,
    path: isIndex ? '' : `${id}/`,
    front,
    body: split.bodyLines.join('\n'),
    bodyLine: split.bodyLine,
    source: { file: file.path, line: 1, column: 1 },
  }
}

/** The front matter's lines and the body's, or null after reporting why the page has none. */
function splitFrontMatter(
  text: string,
  report: Report,
): { yamlLines: string[]; bodyLines: string[]; bodyLine: number } | null {
  if (!/^---[ \t]*\n/.test(text)) {
    report(
      1,
      1,
      'front-matter/missing',
      'The page has no front matter.',
      'Start the file with a `---` line, then `title:`, `class:` and `serial:` lines, then another `---` line.',
    )
    return null
  }
  const lines = text.split('\n')
  const close = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)[ \t]*$/.test(line))
  if (close < 0) {
    report(
      1,
      1,
      'front-matter/unclosed',
      'The front matter is never closed.',
      'Add a line `---` after the last front matter field.',
    )
    return null
  }
  return { yamlLines: lines.slice(1, close), bodyLines: lines.slice(close + 1), bodyLine: close + 2 }
}

/**
 * The fields of the front matter (whose first line is file line 2): by the
 * quick reader when it can, else by the `yaml` library, if loaded. Null after
 * reporting YAML errors.
 */
function readFields(yamlLines: string[], report: Report): FrontMatterFields | 'needs-yaml' | null {
  const simple = readSimpleYaml(yamlLines, 2)
  if (simple) return simple
  if (!isYamlLoaded()) return 'needs-yaml'
  const full = readFullYaml(yamlLines.join('\n'), 2)
  if (!('problems' in full)) return full
  for (const p of full.problems) {
    const notMap = p.code === 'front-matter/not-a-map'
    report(
      p.line,
      p.column,
      p.code,
      notMap
        ? 'The front matter must be a list of `name: value` fields.'
        : p.code === 'front-matter/bad-alias'
          ? p.message
          : `The front matter is not valid YAML: ${p.message}`,
      p.hint ??
        (notMap
          ? 'Write one field per line, such as `title: Welcome`.'
          : 'Check the indentation and quote values that contain a colon, e.g. `title: "Part 1: Basics"`.'),
    )
  }
  return null
}

/** `basics/intro.md` → `basics/intro`; `basics/index.md` → `basics`. */
export function pageId(path: string): string {
  const noExt = path.replace(/\.md$/, '')
  return noExt.endsWith('/index') ? noExt.slice(0, -'/index'.length) : noExt
}
