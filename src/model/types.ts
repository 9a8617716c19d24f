/**
 * The course model: chapters and sections in order, and the quizzes decoded
 * from their banks. Plain data, made by model/ from what load/ read.
 */
import type { Page, SourcePos, StaticFile } from '../load/types.ts'

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
  /** How the bank was written: `readable` when at least one item is in the readable form, else `base64`. */
  format: 'base64' | 'readable'
  /** Where the `data-n` attribute list is written. */
  source: SourcePos
}

/** A chapter or section in course order, as its front matter places it. */
export interface OutlineEntry {
  /** The page. */
  page: Page
  /** Index into the course's `sequence`. */
  position: number
  /** The chapter page this page belongs to (its own id for a chapter), or null before the first chapter. */
  chapterId: string | null
}

/** What a page's quiz paragraph and bank amount to, once decoded. */
export interface PageQuiz {
  /** The quiz, when the page has a usable one with n > 0. */
  quiz: Quiz | null
  /** True when the page declares `data-n="0"`: it has no quiz on purpose. */
  noQuiz: boolean
}

/** A chapter or section in course order, with its quiz decoded. */
export interface CoursePage extends OutlineEntry, PageQuiz {}

/**
 * The course as its pages' front matter orders it (model/outline-course.ts),
 * before any page body is read.
 */
export interface CourseOutline {
  /** Id used in the learner's storage key; stable across rebuilds. */
  id: string
  /** Course title, shown in every page's header. */
  title: string
  /** Default language of every page. */
  lang: string
  /** The index page. */
  index: Page
  /** Chapters and sections ordered by serial. */
  sequence: OutlineEntry[]
  /** Files copied as they are. */
  statics: StaticFile[]
  /** Name under which Liquid sees the pages (`site.<collection>`): the course folder's name. */
  collection: string
  /** False when the index's front matter says `offline: false`: the site then registers no service worker. */
  offline: boolean
  /** True when the index names the course id (`course_id`); false when it defaults to the folder's name. */
  idPinned: boolean
}

/**
 * The pages as the parse stage reads them, made by model/outline-course.ts
 * even when the pages make no course: every page's body is checked whatever
 * the outline's errors.
 */
export interface ReadingOrder {
  /** Name under which Liquid sees the pages (`site.<collection>`). */
  collection: string
  /** Course title, as Liquid's `site.title`. */
  title: string
  /** The pages Liquid's `site` lists: the index, then chapters and sections by serial (then by file). */
  pages: Page[]
  /** Pages whose front matter is unusable: parsed only for what their bodies report, and listed nowhere. */
  unlisted: Page[]
}

/** The whole course: the outline with every page's quiz (model/course-with-quizzes.ts). */
export interface Course extends CourseOutline {
  /** Chapters and sections ordered by serial, each with its quiz. */
  sequence: CoursePage[]
}
