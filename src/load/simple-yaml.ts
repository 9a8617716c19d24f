/**
 * A fast path for the front matter nearly every page has: `key: value` lines
 * with plain or quoted text and whole numbers. Loading and running a full
 * YAML parser costs more than building a small course, so anything beyond
 * this subset (lists, escapes, booleans, floats, comments…) returns null and
 * goes to the `yaml` library, which then decides exactly as YAML does.
 */
import type { FrontMatterFields } from './yaml-fields.ts'

// Linear on any line: the value is taken whole and trimmed by hand (issue 15: a
// lazy `(.*?)[ \t]*$` took 15 s on a title of 200,000 spaces).
const LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?:[ \t]([^\r\n\u2028\u2029]*))?$/
// A plain scalar may not start with an indicator, nor hold ": " or " #".
const PLAIN = /^[^-?:,[\]{}#&*!|>'"%@`\s](?:(?!: | #)[^\t])*$/
const INT = /^-?(?:0|[1-9][0-9]{0,14})$/
// Plain values YAML would read as something other than text, or as a number we leave to it.
const SPECIAL =
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|0[ox][0-9a-fA-F]+)$/

/**
 * Reads `lines` (the front matter, whose first line is file line `firstLine`)
 * when every line is a simple field; otherwise returns null.
 */
export function readSimpleYaml(lines: readonly string[], firstLine: number): FrontMatterFields | null {
  const data: Record<string, unknown> = {}
  const positions: FrontMatterFields['positions'] = {}
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (line.trim() === '') continue
    const m = LINE.exec(line)
    if (!m) return null
    const key = m[1]!
    if (key in data) return null // let YAML report the duplicate
    const raw = trimBlanks(m[2] ?? '')
    let value: unknown
    if (raw === '') value = null
    else if (raw[0] === '"') {
      const q = /^"([^"\\]*)"$/.exec(raw)
      if (!q) return null
      value = q[1]
    } else if (raw[0] === "'") {
      const q = /^'([^']*)'$/.exec(raw)
      if (!q) return null
      value = q[1]
    } else if (INT.test(raw)) value = Number(raw)
    else if (SPECIAL.test(raw) || !PLAIN.test(raw) || raw.endsWith(':')) return null
    else value = raw
    data[key] = value
    positions[key] = { line: firstLine + i, column: raw === '' ? 1 : line.indexOf(raw, key.length + 1) + 1 }
  }
  return { data, positions, entries: {} }
}

/** `text` without the spaces and tabs at either end (String#trim also drops other white space, which YAML keeps). */
function trimBlanks(text: string): string {
  let start = 0
  let end = text.length
  while (start < end && (text[start] === ' ' || text[start] === '\t')) start++
  while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--
  return text.slice(start, end)
}
