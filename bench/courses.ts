/**
 * The courses the benchmark builds: the sample course, the reference corpus
 * when it is checked out beside the repository, and synthetic courses made
 * from the corpus at 10× and 100× its size.
 *
 * The synthetic courses are written to a temporary folder on every run and
 * never committed: they are the corpus's text, which stays out of the
 * repository.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../', import.meta.url))
/** The sample course written for the project. */
export const SAMPLE_DIR = join(ROOT, 'example')
/** The reference course, present beside the repository on the project's machines only. */
export const CORPUS_DIR = join(ROOT, '..', 'shared', 'corpus', 'listen')

/** A course folder the benchmark builds. */
export interface BenchCourse {
  /** Short name for the table: `sample`, `corpus`, `10×`, `100×`. */
  name: string
  /** The folder of Markdown pages. */
  dir: string
  /** How many pages the folder holds (each becomes one HTML page). */
  pages: number
  /** The `--base` it is built with: the corpus links to `/listen/` for its index. */
  base: string
  /** How many copies of the corpus it holds; 1 for the sample and the corpus. */
  scale: number
}

/** The sample course, always present. */
export function sampleCourse(): BenchCourse {
  return { name: 'sample', dir: SAMPLE_DIR, pages: markdownFiles(SAMPLE_DIR).length, base: '/', scale: 1 }
}

/** The reference corpus, or null when it is not checked out here. */
export function corpusCourse(): BenchCourse | null {
  if (!existsSync(join(CORPUS_DIR, 'index.md'))) return null
  return { name: 'corpus', dir: CORPUS_DIR, pages: markdownFiles(CORPUS_DIR).length, base: '/listen/', scale: 1 }
}

/**
 * A course `scale` times the size of `source`, written under `parent`.
 *
 * Every page but the index is copied `scale` times (`listen05.md` becomes
 * `listen05-0.md` … `listen05-99.md`) with its `serial` moved on by a whole
 * course length per copy, so the chapters and sections repeat in order and
 * the serials stay unique. The index is copied once, unchanged: its Liquid
 * loop runs over `site.<folder name>`, so the folder keeps the source's name
 * and the loop lists every copy.
 */
export function scaledCourse(source: BenchCourse, scale: number, parent: string): BenchCourse {
  const dir = join(parent, `x${scale}`, basename(source.dir))
  mkdirSync(dir, { recursive: true })
  const files = markdownFiles(source.dir)
  const serials = files
    .map((f) => serialOf(readFileSync(join(source.dir, f), 'utf8')))
    .filter((s): s is number => s !== null)
  const stride = Math.max(...serials) + 1
  let pages = 0
  for (const file of files) {
    const text = readFileSync(join(source.dir, file), 'utf8')
    if (serialOf(text) === null) {
      copyFileSync(join(source.dir, file), join(dir, file))
      pages += 1
      continue
    }
    for (let copy = 0; copy < scale; copy++) {
      writeFileSync(
        join(dir, `${basename(file, '.md')}-${copy}.md`),
        withSerial(text, (s) => s + copy * stride),
      )
      pages += 1
    }
  }
  return { name: `${scale}×`, dir, pages, base: source.base, scale }
}

/** The course's Markdown pages, by file name (no README, as the build skips it). */
export function markdownFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md') && !/^(readme|license)/i.test(f) && !/^[_.]/.test(f))
    .sort()
}

/** The `serial` in a page's front matter, or null for a page without one (the index). */
function serialOf(text: string): number | null {
  const m = frontMatter(text)?.match(/^serial:\s*(\d+)\s*$/m)
  return m ? Number(m[1]) : null
}

/** The page with its front matter's `serial` replaced by `change(serial)`. */
function withSerial(text: string, change: (serial: number) => number): string {
  const front = frontMatter(text)
  if (front === null) throw new Error('a page with a serial has front matter')
  const moved = front.replace(
    /^serial:(\s*)(\d+)/m,
    (_, space: string, n: string) => `serial:${space}${change(Number(n))}`,
  )
  return text.replace(front, moved)
}

/** The front matter block of a page, delimiters included, or null. */
function frontMatter(text: string): string | null {
  const m = text.match(/^---\r?\n[\s\S]*?\r?\n---\r?\n/)
  return m ? m[0] : null
}
