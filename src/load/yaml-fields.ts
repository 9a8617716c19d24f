/**
 * Front matter read by the `yaml` library, for what the simple reader in
 * simple-yaml.ts does not cover. The library is loaded only when a page needs it.
 */
type YamlModule = typeof import('yaml')

/** Front matter fields as data, with where each was written. */
export interface FrontMatterFields {
  /** Every field, as YAML reads it. */
  data: Record<string, unknown>
  /** For each top-level field: the 1-based file line of its key and the column of its value. */
  positions: Record<string, { line: number; column: number }>
}

/** A YAML error, placed in the file. */
export interface YamlProblem {
  code: 'front-matter/invalid-yaml' | 'front-matter/not-a-map'
  line: number
  column: number
  message: string
}

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
  for (const item of contents?.items ?? []) {
    const key = item.key as { value?: unknown; range?: [number, number, number] } | null
    const value = item.value as { range?: [number, number, number] } | null
    if (key?.range)
      positions[String(key.value)] = {
        line: pos(key.range[0]).line,
        column: value?.range ? pos(value.range[0]).column : 1,
      }
  }
  return { data: (doc.toJS() ?? {}) as Record<string, unknown>, positions }
}
