/** A folder's files as relative path → content hash, to compare two built sites. */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

export function siteTree(dir: string): Map<string, string> {
  const out = new Map<string, string>()
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name)
      if (e.isDirectory()) walk(p)
      else out.set(relative(dir, p), createHash('sha256').update(readFileSync(p)).digest('hex'))
    }
  }
  walk(dir)
  return out
}

/** Splits the output of `quiz decode A B …` (head(1)-style headers) into each file's text. */
export function splitByHeaders(output: string, files: string[]): Map<string, string> {
  const out = new Map<string, string>()
  let rest = output
  files.forEach((file, k) => {
    const header = `${k ? '\n' : ''}==> ${file} <==\n`
    if (!rest.startsWith(header)) throw new Error(`expected the header of ${file}`)
    rest = rest.slice(header.length)
    const next = files[k + 1]
    const end = next === undefined ? rest.length : rest.indexOf(`\n==> ${next} <==\n`)
    if (end < 0) throw new Error(`expected the header of ${next}`)
    out.set(file, rest.slice(0, end))
    rest = rest.slice(end)
  })
  return out
}
