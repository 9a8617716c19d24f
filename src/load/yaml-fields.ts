/**
 * Front matter read by the `yaml` library, for what the simple reader in
 * simple-yaml.ts does not cover. The library is loaded only when a page needs it.
 */
import type { EntryPosition } from './types.ts'

type YamlModule = typeof import('yaml')

/** Front matter fields as data, with where each was written. */
export interface FrontMatterFields {
  /** Every field, as YAML reads it. */
  data: Record<string, unknown>
  /** For each top-level field: the 1-based file line of its key and the column of its value. */
  positions: Record<string, { line: number; column: number }>
  /** For each field whose value is a map (the index's `ui:`): where each of its keys is written. */
  entries: Record<string, Record<string, EntryPosition>>
}

/** A YAML error, placed in the file. */
export interface YamlProblem {
  code: 'front-matter/invalid-yaml' | 'front-matter/not-a-map' | 'front-matter/bad-alias'
  line: number
  column: number
  /** What YAML says is wrong; for `bad-alias`, a whole sentence. */
  message: string
  /** What to do, when the problem calls for a hint of its own. */
  hint?: string
}

/**
 * How many times the front matter may use aliases (`*name`), counting each
 * use inside repeated values again: real front matter needs a handful, and a
 * "billion laughs" document needs millions (the `yaml` library's own guard).
 */
const MAX_ALIASES = 100

let yaml: YamlModule | null = null

/** Loads the `yaml` library once; call before `readFullYaml`. */
export async function loadYaml(): Promise<void> {
  if (yaml) return
  // yaml ships CommonJS for Node; once bundled, its exports arrive as `default`.
  const m = (await import('yaml')) as YamlModule & { default?: YamlModule }
  yaml = typeof m.parseDocument === 'function' ? m : m.default!
}

export function isYamlLoaded(): boolean {
  return yaml !== null
}

/**
 * Reads front matter text whose first line is file line `firstLine`; returns
 * the fields, or the problems that make it unusable.
 */
export function readFullYaml(text: string, firstLine: number): FrontMatterFields | { problems: YamlProblem[] } {
  if (!yaml) throw new Error('readFullYaml called before loadYaml')
  const counter = new yaml.LineCounter()
  const doc = yaml.parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true })
  // YAML positions are relative to the front matter.
  const pos = (offset: number) => {
    const p = counter.linePos(offset)
    return { line: p.line + firstLine - 1, column: p.col }
  }
  if (doc.errors.some((e) => e.message.includes('Maximum call stack size exceeded'))) {
    // Nesting too deep for the parser's recursion: where it gave up depends
    // on the stack at hand, so the report points at the front matter's start.
    return {
      problems: [
        {
          code: 'front-matter/invalid-yaml',
          line: firstLine,
          column: 1,
          message: 'values are nested too deeply to be read',
          hint: 'Nest lists and maps a few levels at most.',
        },
      ],
    }
  }
  if (doc.errors.length) {
    return {
      problems: doc.errors.map((e) => ({
        code: 'front-matter/invalid-yaml' as const,
        ...pos(e.pos[0]),
        message: e.message
          .split('\n')[0]!
          .replace(/ at line \d+, column \d+:?$/, '')
          .trim(),
      })),
    }
  }
  const contents = doc.contents
  if (contents !== null && !yaml.isMap(contents)) {
    return {
      problems: [
        {
          code: 'front-matter/not-a-map',
          line: firstLine,
          column: 1,
          message: 'the front matter must be a list of `name: value` fields',
        },
      ],
    }
  }
  const positions: FrontMatterFields['positions'] = {}
  const entries: FrontMatterFields['entries'] = {}
  for (const item of contents?.items ?? []) {
    const key = item.key as Ranged | null
    const value = item.value as Ranged | null
    if (!key?.range) continue
    positions[String(key.value)] = {
      line: pos(key.range[0]).line,
      column: value?.range ? pos(value.range[0]).column : 1,
    }
    if (yaml.isMap(value)) entries[String(key.value)] = entryPositions(value.items, pos)
  }
  const data = toData(doc, pos)
  return 'problems' in data ? data : { data: data.data, positions, entries }
}

/** A YAML node with its place: `range[0]` is its start offset. */
type Ranged = { value?: unknown; range?: [number, number, number] }

/** Where each key of a map is written, and where its value starts (at the key when it has none). */
function entryPositions(
  items: ReadonlyArray<{ key: unknown; value: unknown }>,
  pos: (offset: number) => { line: number; column: number },
): Record<string, EntryPosition> {
  const out: Record<string, EntryPosition> = {}
  for (const item of items) {
    const key = item.key as Ranged | null
    const value = item.value as Ranged | null
    if (!key?.range) continue
    const at = pos(key.range[0])
    out[String(key.value)] = { ...at, value: value?.range ? pos(value.range[0]) : at }
  }
  return out
}

type Doc = ReturnType<YamlModule['parseDocument']>
type Pos = (offset: number) => { line: number; column: number }

/**
 * The document as data; or, when an alias cannot be expanded (an undefined
 * anchor, or so many aliases that expanding them would exhaust memory), the
 * problem placed at the alias or at the field that uses too many.
 */
function toData(doc: Doc, pos: Pos): { data: Record<string, unknown> } | { problems: YamlProblem[] } {
  try {
    return { data: (doc.toJS({ maxAliasCount: MAX_ALIASES }) ?? {}) as Record<string, unknown> }
  } catch (e) {
    const unresolved = unresolvedAlias(doc)
    if (unresolved) {
      const { name, offset } = unresolved
      return {
        problems: [
          {
            code: 'front-matter/bad-alias',
            ...pos(offset),
            message: `\`*${name}\` refers to an anchor \`&${name}\` that is not defined before it.`,
            hint: `Define \`&${name}\` earlier in the front matter, or quote the value if it is text starting with \`*\`.`,
          },
        ],
      }
    }
    return {
      problems: [
        {
          code: 'front-matter/bad-alias',
          ...pos(fieldExpandingTooMuch(doc) ?? 0),
          message: `This field repeats aliases (\`*name\`) within aliases so often that reading it would exhaust the memory (${(e as Error).message}).`,
          hint: 'Write the values out instead of repeating anchors within anchors.',
        },
      ],
    }
  }
}

/** The first alias whose anchor is not defined before it, if any. */
function unresolvedAlias(doc: Doc): { name: string; offset: number } | null {
  let found: { name: string; offset: number } | null = null
  yaml!.visit(doc, {
    Alias(_key, node) {
      if (node.resolve(doc) !== undefined) return undefined
      found = { name: node.source, offset: node.range?.[0] ?? 0 }
      return yaml!.visit.BREAK
    },
  })
  return found
}

/** The offset of the first top-level value whose aliases expand too far, if one alone does. */
function fieldExpandingTooMuch(doc: Doc): number | null {
  const contents = doc.contents
  if (!yaml!.isMap(contents)) return null
  for (const item of contents.items) {
    const value = item.value as { toJS?: (d: Doc, o: object) => unknown; range?: [number, number, number] } | null
    try {
      value?.toJS?.(doc, { maxAliasCount: MAX_ALIASES })
    } catch {
      return value?.range?.[0] ?? null
    }
  }
  return null
}
