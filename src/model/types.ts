/**
 * The data that flows through coursemark: load → model → render → emit.
 *
 * Everything here is plain data. The browser runtime imports only the
 * `Runtime*` types at the bottom of this file, which describe what a built
 * page hands to it.
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

/** One list item of a quiz bank, as found in the Markdown; decoding is the model's job. */
export interface RawBankItem {
  /** The item's text, list marker and indent removed, trimmed. */
  text: string
  /** Where the text starts. */
  source: SourcePos
  /**
   * The item's lines as written, list marker and indent removed, not trimmed,
   * blank lines at the end dropped. Absent on items made by hand (tests);
   * readers then split `text`.
   */
  lines?: BankLine[]
}

/** One line of a bank item. */
export interface BankLine {
  /** The line's text after the item's marker or indent. */
  text: string
  /** 1-based line in the source file. */
  line: number
  /** 1-based column where `text` starts. */
  column: number
}

/** One true/false statement of a quiz bank. */
export interface Statement {
  /** Stable id: a short hash of the statement text. */
  id: string
  /** The statement, as inline Markdown. */
  text: string
  /** True when the first answer (True, Yes) is right. */
  answer: boolean
  /** Why the right answer is right, as inline Markdown; may be empty. */
  explanation: string
  /** Where the bank item is written. */
  source: SourcePos
}

/** A quiz: the paragraph carrying `data-n` and the bank in the list after it. */
export interface Quiz {
  /** How many statements a learner answers per attempt; 0 means no quiz. */
  n: number
  /** The two answer labels, first for a right "Y". */
  options: [string, string]
  /** Every statement of the bank, in source order. */
  bank: Statement[]
  /** How the bank was written: `plain` when at least one item is in the readable form, else `base64`. */
  format: 'base64' | 'plain'
  /** Where the `data-n` attribute list is written. */
  source: SourcePos
}

/** A chapter or section, in course order, with its rendered content. */
export interface CoursePage {
  page: Page
  /** Index into `Course.sequence`. */
  position: number
  /** The chapter page this page belongs to (its own id for a chapter), or null before the first chapter. */
  chapterId: string | null
  /** The quiz, when the page has a `data-n` paragraph with n > 0. */
  quiz: Quiz | null
  /** True when the page declares `data-n="0"`: it has no quiz on purpose. */
  noQuiz: boolean
}

/** The whole course after modelling. */
export interface Course {
  /** Id used in the learner's storage key; stable across rebuilds. */
  id: string
  /** Course title, shown in every page's header. */
  title: string
  /** Default language of every page. */
  lang: string
  /** The index page. */
  index: Page
  /** Chapters and sections ordered by serial. */
  sequence: CoursePage[]
  /** Files copied as they are. */
  statics: StaticFile[]
  /** Name under which Liquid sees the pages (`site.<collection>`): the course folder's name. */
  collection: string
}

/** A link or image found in a page while rendering it, kept for `check`. */
export interface FoundLink {
  /** `a` for a link, `img` for an image. */
  kind: 'a' | 'img'
  /** The URL as the author wrote it. */
  href: string
  /** What the build made of it: a page id, a static file path, or null for an external or unknown target. */
  target: { page: string } | { file: string } | null
  /** For images: the alt text. */
  alt?: string
  /** Where the URL is written, or an image's `![` (the start of its block when neither can be found). */
  source: SourcePos
}

/** A heading found in a page while rendering it, kept for `check`. */
export interface FoundHeading {
  /** 1..6, as written. */
  level: number
  /** The heading's Markdown text. */
  text: string
  /** Where the heading starts. */
  source: SourcePos
}

/** Options that change the output but not the course. */
export interface SiteOptions {
  /** URL path the site is served under, with leading and trailing slash. */
  base: string
  /** Dev only: every page open without passing quizzes, with a banner. */
  openAll: boolean
  /** Dev only: URL of an extra script (live reload) added to every page. */
  devScript: string | null
}

// ---------------------------------------------------------------------------
// The contract between a built page and the browser runtime (src/runtime/).
// ---------------------------------------------------------------------------

/** One gated page in the course manifest. */
export interface RuntimePage {
  /** The page id (`Page.id`). */
  id: string
  /** Absolute URL path of the page, base included. */
  url: string
  /** `c` for a chapter opener, `s` for a section. */
  kind: 'c' | 's'
  /** 1 when the page has a quiz that must be passed; 0 otherwise. */
  quiz: 0 | 1
}

/**
 * The course manifest, built into the hashed script so every page knows the
 * course order before it paints (the gate runs in `<head>`).
 */
export interface RuntimeManifest {
  /** Format version of this object. */
  v: 1
  /** Course id: the storage key is `coursemark:<course>:v1`. */
  course: string
  /** Site base path, with leading and trailing slash. */
  base: string
  /** Dev `--open-all`: no gating, and a banner says so. */
  openAll: boolean
  /** Chapters and sections in course order (the index is not gated). */
  pages: RuntimePage[]
}

/** A statement as the runtime receives it, in a section's `data-cm-quiz` JSON. */
export interface RuntimeQuizItem {
  /** Stable statement id. */
  id: string
  /** The statement, rendered to HTML at build time. */
  html: string
  /**
   * The answer key, base64 of the UTF-8 JSON of a `RuntimeAnswerKey`.
   * Base64 only keeps answers out of casual sight in the page source; it secures nothing.
   */
  key: string
}

/** The decoded answer key of one statement. */
export interface RuntimeAnswerKey {
  /** 0 when the first option is right, 1 when the second is. */
  a: 0 | 1
  /** The explanation, rendered to HTML; may be empty. */
  x: string
}

/** The `data-cm-quiz` JSON on a section's `<section class="cm-quiz">`. */
export interface RuntimeQuiz {
  /** Statements per attempt; never more than `items.length`. */
  n: number
  /** The two answer labels. */
  options: [string, string]
  /** Hash of the bank: stored attempts for another hash are dropped. */
  bank: string
  /** The whole bank. */
  items: RuntimeQuizItem[]
}
