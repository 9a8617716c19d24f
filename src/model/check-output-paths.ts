/**
 * Every file of the site at a path of its own. A page is written as
 * `<id>/index.html` and a static file at its own path, so a static file
 * `listen05` beside `listen05.md` (a file where the page needs a folder), or
 * a folder `s1/index.html/` (a folder where the page needs a file), would
 * make the site unwritable. Found here, before anything is written, with
 * both files named; `check` reports it too.
 */
import { error, type Diagnostic } from '../diagnostics/diagnostic.ts'
import type { Page, StaticFile } from '../load/types.ts'

/** The runtime's hashed files live here; a course file there could be taken for one. */
const RESERVED = 'assets/coursemark.'

/** One file of the site and the course file it comes from. */
interface Output {
  /** Path in the site. */
  path: string
  /** Course file it is made from. */
  from: string
  /** 1 for a page (its first line), 0 for a static file (the file as a whole). */
  line: number
}

export function checkOutputPaths(pages: readonly Page[], statics: readonly StaticFile[]): Diagnostic[] {
  const outputs: Output[] = [
    ...pages.map((p) => ({ path: `${p.path}index.html`, from: p.file, line: 1 })),
    ...statics.map((s) => ({ path: s.path, from: s.path, line: 0 })),
  ]
  const diagnostics: Diagnostic[] = []
  const files = new Map<string, Output>()
  const folders = new Map<string, Output>()
  for (const out of outputs) {
    if (out.line === 0 && (out.path.startsWith(RESERVED) || out.path === 'assets')) {
      diagnostics.push(reserved(out))
      continue
    }
    const other = files.get(out.path) ?? folders.get(out.path) ?? ancestorFile(out.path, files)
    // Two pages at one address are reported by the outline (course/duplicate-page).
    if (other && !(other.line === 1 && out.line === 1 && other.path === out.path)) {
      diagnostics.push(clash(out, other))
      continue
    }
    files.set(out.path, out)
    for (let at = out.path.indexOf('/'); at >= 0; at = out.path.indexOf('/', at + 1)) {
      const folder = out.path.slice(0, at)
      if (!folders.has(folder)) folders.set(folder, out)
    }
  }
  return diagnostics
}

/** The output written at one of the folders `path` needs, if any. */
function ancestorFile(path: string, files: ReadonlyMap<string, Output>): Output | undefined {
  for (let at = path.indexOf('/'); at >= 0; at = path.indexOf('/', at + 1)) {
    const file = files.get(path.slice(0, at))
    if (file) return file
  }
  return undefined
}

function clash(out: Output, other: Output): Diagnostic {
  const where = (o: Output) => (o.path === o.from ? o.from : `${o.from} (written as ${o.path})`)
  return error({
    code: 'site/path-clash',
    message: `${where(out)} clashes with ${where(other)}: one would be written where the other needs a file or a folder of the same name.`,
    file: out.from,
    line: out.line,
    column: out.line,
    hint: `Rename or move ${out.from} or ${other.from}.`,
  })
}

function reserved(out: Output): Diagnostic {
  return error({
    code: 'site/path-clash',
    message: `${out.path} clashes with the files coursemark writes under ${out.path === 'assets' ? 'assets/' : RESERVED}….`,
    file: out.from,
    line: 0,
    column: 0,
    hint: 'Rename or move this file.',
  })
}
