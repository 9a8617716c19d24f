/**
 * What rendering finds in a page (for `check`), and the options that change
 * the site's pages but not the course.
 */
import type { SourcePos } from '../load/types.ts'

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
  /**
   * How pages refer to each other and to files (site-urls.ts): `absolute`
   * paths under `base` with folder URLs, for a web site; `relative` paths to
   * files (`../listen26/index.html`), for an LMS package, which is served
   * from a folder of the LMS's choosing without directory indexes.
   */
  urls: 'absolute' | 'relative'
  /** The site is an LMS package: its pages keep progress in the LMS when opened from the package's launch page. */
  lms: boolean
  /** Dev only: every page open without passing quizzes, with a banner. */
  openAll: boolean
  /** Dev only: URL of an extra script (live reload) added to every page. */
  devScript: string | null
}
