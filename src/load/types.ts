/**
 * What the load stages make: files as read, and pages with their front
 * matter checked and split off. Plain data, read by every later stage.
 */

/** A place in a source file, for diagnostics. */
export interface SourcePos {
  /** Path relative to the course root, with forward slashes. */
  file: string
  /** 1-based line number. */
  line: number
  /** 1-based column, in UTF-16 code units. */
  column: number
}

/** Where a key of a map-valued front matter field is written (1-based), and where its value starts. */
export interface EntryPosition {
  line: number
  column: number
  value: { line: number; column: number }
}

/** A file as read from disk; nothing is parsed yet. */
export interface SourceFile {
  /** Path relative to the course root, with forward slashes. */
  path: string
  /** The whole text, with CRLF line ends normalised to LF. */
  text: string
}

/** A file that is copied to the site as it is (an image, say). */
export interface StaticFile {
  /** Path relative to the course root, with forward slashes. */
  path: string
  /** Absolute path on disk, read only when the site is written. */
  absPath: string
}

/** What a page is: the course index, a chapter opener, or a section. */
export type PageKind = 'index' | 'chapter' | 'section'

/** The front matter fields coursemark understands, after validation. */
export interface FrontMatter {
  /** The page title, shown as its heading. */
  title: string
  /** What the page is. */
  kind: PageKind
  /** Position in the course; required on chapters and sections. */
  serial: number | null
  /** Page language (BCP 47), if the page sets its own. */
  lang: string | null
  /** Every field as written, for Liquid's `page` variable. */
  data: Record<string, unknown>
  /** The 1-based source line of each top-level field, for diagnostics. */
  fieldLines: Record<string, number>
  /** For each field whose value is a map (the index's `ui:`): where each of its keys is written. */
  entryPositions: Record<string, Record<string, EntryPosition>>
}

/** A page after loading: front matter split off, body not yet rendered. */
export interface Page {
  /** Stable id: the path without `.md` (`listen02`, `basics/intro`); `index` for the index. */
  id: string
  /** Source file path relative to the course root. */
  file: string
  /** URL path relative to the site base: `""` for the index, `listen02/` otherwise. */
  path: string
  /** Validated front matter. */
  front: FrontMatter
  /** The Markdown after the front matter. */
  body: string
  /** 1-based line of the body's first line in the source file. */
  bodyLine: number
  /** Where the page starts, for diagnostics about the page as a whole. */
  source: SourcePos
}
