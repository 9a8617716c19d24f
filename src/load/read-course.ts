/**
 * Stage 1, load files: a course folder read, every Markdown page as text,
 * every other file as a static file to copy. Nothing is parsed here.
 */
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs'
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
  const pages: SourceFile[] = []
  const statics: StaticFile[] = []
  const diagnostics: Diagnostic[] = []
  const skip = new Set(exclude.flatMap((p) => [resolve(p), safeRealpath(p)]))

  const walk = (dir: string): void => {
    let entries
    try {
      entries = readdirSync(dir, { withFileTypes: true })
    } catch (e) {
      diagnostics.push(ioError(root, dir, e))
      return
    }
    for (const entry of entries) {
      const name = entry.name
      // Dot and underscore names are private to the author, as in Jekyll.
      if (name.startsWith('.') || name.startsWith('_')) continue
      const abs = join(dir, name)
      if (skip.has(abs) || ((entry.isDirectory() || entry.isSymbolicLink()) && skip.has(safeRealpath(abs)))) continue
      const rel = relative(root, abs).split(sep).join('/')
      let isDir = entry.isDirectory()
      let isFile = entry.isFile()
      if (entry.isSymbolicLink()) {
        try {
          const s = statSync(abs)
          isDir = s.isDirectory()
          isFile = s.isFile()
        } catch {
          diagnostics.push(
            error({
              code: 'load/broken-link',
              message: `${rel} is a symbolic link to nothing.`,
              file: rel,
              line: 0,
              column: 0,
              hint: 'Remove the link or make it point at a file.',
            }),
          )
          continue
        }
      }
      if (isDir) {
        if (!SKIPPED_DIRS.has(name)) walk(abs)
      } else if (isFile && !SKIPPED_FILES.test(name)) {
        if (name.endsWith('.md')) {
          try {
            pages.push({ path: rel, text: readPageText(abs) })
          } catch (e) {
            diagnostics.push(ioError(root, abs, e))
          }
        } else {
          statics.push({ path: rel, absPath: abs })
        }
      }
    }
  }

  let rootStat
  try {
    rootStat = statSync(root)
  } catch {
    diagnostics.push(
      error({
        code: 'load/no-course',
        message: `The course folder ${root} does not exist.`,
        file: '',
        line: 0,
        column: 0,
        hint: 'Pass the folder that holds your Markdown pages, e.g. `coursemark build my-course`.',
      }),
    )
    return { pages, statics, diagnostics }
  }
  if (!rootStat.isDirectory()) {
    diagnostics.push(
      error({
        code: 'load/no-course',
        message: `${root} is not a folder.`,
        file: '',
        line: 0,
        column: 0,
        hint: 'Pass the folder that holds your Markdown pages, not a single file.',
      }),
    )
    return { pages, statics, diagnostics }
  }
  walk(resolve(root))
  const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)
  pages.sort(byPath)
  statics.sort(byPath)
  if (pages.length === 0 && !hasErrors(diagnostics)) diagnostics.push(noPages(root))
  return { pages, statics, diagnostics }
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
