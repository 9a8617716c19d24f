/**
 * Stage 1, load files: a course folder read, every Markdown page as text,
 * every other file as a static file to copy. Nothing is parsed here.
 */
import { type Dirent, readdirSync, realpathSync, statSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { error, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.ts'
import { readPageText } from './read-page-text.ts'
import type { SourceFile, StaticFile } from './types.ts'

export interface CourseFiles {
  /** Markdown pages (`.md`), sorted by path. */
  pages: SourceFile[]
  /** Everything else that is published as it is (images, downloads), sorted by path. */
  statics: StaticFile[]
  diagnostics: Diagnostic[]
}

/** Names never read: tooling, output folders, and the author's own notes. */
const SKIPPED_DIRS = new Set(['node_modules', '_site', 'dist'])
const SKIPPED_FILES = /^(readme|license|licence|changelog|contributing)(\.[a-z]+)?$/i

/**
 * Walks `root` and returns its pages and static files.
 * `exclude` holds absolute paths (the output folder, say) that must not be read.
 */
export function readCourse(root: string, exclude: readonly string[] = []): CourseFiles {
  const found: CourseFiles = { pages: [], statics: [], diagnostics: [] }
  const problem = rootProblem(root)
  if (problem) {
    found.diagnostics.push(problem)
    return found
  }
  const skip = new Set(exclude.flatMap((p) => [resolve(p), safeRealpath(p)]))
  const real = safeRealpath(root)
  walk(resolve(root), { root, realRoot: real, skip, found, chain: new Set([real]) })
  const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)
  found.pages.sort(byPath)
  found.statics.sort(byPath)
  if (found.pages.length === 0 && !hasErrors(found.diagnostics)) found.diagnostics.push(noPages(root))
  return found
}

/** What a walk of the course folder needs and fills. */
interface Walk {
  root: string
  /** The course folder with every symbolic link resolved: links may point only inside it. */
  realRoot: string
  /** Absolute paths not to read. */
  skip: ReadonlySet<string>
  found: CourseFiles
  /** The real paths of the folders being walked, from the root down: a link back to one of them is a loop. */
  chain: Set<string>
}

/** Reads the pages and static files under `dir` into `walk.found`. */
function walk(dir: string, w: Walk): void {
  let entries: Dirent[]
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch (e) {
    w.found.diagnostics.push(ioError(w.root, dir, e))
    return
  }
  for (const entry of entries) {
    const name = entry.name
    // Dot and underscore names are private to the author, as in Jekyll.
    if (name.startsWith('.') || name.startsWith('_')) continue
    const abs = join(dir, name)
    if (w.skip.has(abs) || ((entry.isDirectory() || entry.isSymbolicLink()) && w.skip.has(safeRealpath(abs)))) continue
    const rel = relative(w.root, abs).split(sep).join('/')
    const type = entry.isSymbolicLink() ? linkType(abs, rel, w) : entryType(entry)
    if (type === 'dir') {
      if (!SKIPPED_DIRS.has(name)) walkFolder(abs, w)
    } else if (type === 'file' && !SKIPPED_FILES.test(name)) readFile(abs, rel, w)
  }
}

/** Walks the folder `abs` with its real path on the chain, so that a link back into it is seen as a loop. */
function walkFolder(abs: string, w: Walk): void {
  const real = safeRealpath(abs)
  w.chain.add(real)
  walk(abs, w)
  w.chain.delete(real)
}

/** A page is read now; any other file is listed, to be copied when the site is written. */
function readFile(abs: string, rel: string, w: Walk): void {
  if (!rel.endsWith('.md')) {
    w.found.statics.push({ path: rel, absPath: abs })
    return
  }
  try {
    const read = readPageText(abs, rel)
    if ('problem' in read) w.found.diagnostics.push(read.problem)
    else w.found.pages.push({ path: rel, text: read.text })
  } catch (e) {
    w.found.diagnostics.push(ioError(w.root, abs, e))
  }
}

type EntryType = 'dir' | 'file' | 'other'

function entryType(entry: Dirent): EntryType {
  return entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : 'other'
}

/**
 * What a symbolic link leads to, when it may be followed: a link must stay
 * inside the course (the site would otherwise publish whatever it points
 * at), and must not lead back into a folder it is in (the walk would never
 * end). Anything else is reported, and the link is not followed.
 */
function linkType(abs: string, rel: string, w: Walk): EntryType | null {
  let real: string
  let type: EntryType
  try {
    real = realpathSync(abs)
    const s = statSync(real)
    type = s.isDirectory() ? 'dir' : s.isFile() ? 'file' : 'other'
  } catch (e) {
    const loop = (e as NodeJS.ErrnoException).code === 'ELOOP'
    w.found.diagnostics.push(linkProblem(rel, loop ? 'a loop of links that leads nowhere' : 'nothing'))
    return null
  }
  if (real !== w.realRoot && !real.startsWith(w.realRoot + sep)) {
    w.found.diagnostics.push(linkProblem(rel, `${real}, outside the course folder`))
    return null
  }
  if (type === 'dir' && w.chain.has(real)) {
    w.found.diagnostics.push(linkProblem(rel, 'a folder it is itself in, which would make an endless loop'))
    return null
  }
  return type
}

function linkProblem(rel: string, target: string): Diagnostic {
  return error({
    code: 'load/bad-link',
    message: `${rel} is a symbolic link to ${target}.`,
    file: rel,
    line: 0,
    column: 0,
    hint: 'Remove the link, or put the file or folder itself in the course folder.',
  })
}

/** Why `root` cannot be read as a course, or null when it is a folder. */
function rootProblem(root: string): Diagnostic | null {
  const noCourse = (message: string, hint: string) =>
    error({ code: 'load/no-course', message, file: '', line: 0, column: 0, hint })
  let isFolder: boolean
  try {
    isFolder = statSync(root).isDirectory()
  } catch {
    return noCourse(
      `The course folder ${root} does not exist.`,
      'Pass the folder that holds your Markdown pages, e.g. `coursemark build my-course`.',
    )
  }
  if (isFolder) return null
  return noCourse(`${root} is not a folder.`, 'Pass the folder that holds your Markdown pages, not a single file.')
}

function noPages(root: string): Diagnostic {
  return error({
    code: 'load/no-pages',
    message: `${root} holds no Markdown pages.`,
    file: '',
    line: 0,
    column: 0,
    hint: 'Pass the folder with your .md pages, or start a course with `coursemark new DIR`.',
  })
}

/** A page's text as readCourse reads it; throws when it cannot be read or is refused (readCourse then says why). */
export function pageTextOrThrow(abs: string): string {
  const read = readPageText(abs, abs)
  if ('problem' in read) throw new Error(read.problem.message)
  return read.text
}

function safeRealpath(p: string): string {
  try {
    return realpathSync(p)
  } catch {
    return p
  }
}

function ioError(root: string, abs: string, e: unknown): Diagnostic {
  const rel = relative(root, abs).split(sep).join('/')
  const reason = e instanceof Error && 'code' in e ? String((e as NodeJS.ErrnoException).code) : String(e)
  return error({
    code: 'load/unreadable',
    message: `${rel || abs} cannot be read (${reason}).`,
    file: rel,
    line: 0,
    column: 0,
    hint: 'Check that the file exists and that you may read it.',
  })
}
