/**
 * Stage 1, load files: a course folder read, every Markdown page as text,
 * every other file as a static file to copy. Nothing is parsed here.
 */
import { type Dirent, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { error, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.ts'
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
  walk(resolve(root), { root, skip, found })
  const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)
  found.pages.sort(byPath)
  found.statics.sort(byPath)
  if (found.pages.length === 0 && !hasErrors(found.diagnostics)) found.diagnostics.push(noPages(root))
  return found
}

/** What a walk of the course folder needs and fills. */
interface Walk {
  root: string
  /** Absolute paths not to read. */
  skip: ReadonlySet<string>
  found: CourseFiles
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
    const type = entryType(entry, abs)
    if (type === null) w.found.diagnostics.push(brokenLink(rel))
    else if (type === 'dir') {
      if (!SKIPPED_DIRS.has(name)) walk(abs, w)
    } else if (type === 'file' && !SKIPPED_FILES.test(name)) readFile(abs, rel, w)
  }
}

/** A page is read now; any other file is listed, to be copied when the site is written. */
function readFile(abs: string, rel: string, w: Walk): void {
  if (!rel.endsWith('.md')) {
    w.found.statics.push({ path: rel, absPath: abs })
    return
  }
  try {
    w.found.pages.push({ path: rel, text: readPageText(abs) })
  } catch (e) {
    w.found.diagnostics.push(ioError(w.root, abs, e))
  }
}

/** What an entry is, following a symbolic link; null for a link to nothing. */
function entryType(entry: Dirent, abs: string): 'dir' | 'file' | 'other' | null {
  if (!entry.isSymbolicLink()) return entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : 'other'
  try {
    const s = statSync(abs)
    return s.isDirectory() ? 'dir' : s.isFile() ? 'file' : 'other'
  } catch {
    return null
  }
}

function brokenLink(rel: string): Diagnostic {
  return error({
    code: 'load/broken-link',
    message: `${rel} is a symbolic link to nothing.`,
    file: rel,
    line: 0,
    column: 0,
    hint: 'Remove the link or make it point at a file.',
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

/** A page's text as the pipeline reads it: UTF-8, with CRLF and CR line ends made LF. */
export function readPageText(abs: string): string {
  return readFileSync(abs, 'utf8').replace(/\r\n?/g, '\n')
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
