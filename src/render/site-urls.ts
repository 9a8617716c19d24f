/**
 * How one page of the site writes the URL of another page or of a file.
 *
 * A web site uses absolute paths under its base and folder URLs, which a
 * static host serves from each folder's index.html:
 *
 *     page listen26/   →  /listen/listen26/        file assets/x.css  →  /listen/assets/x.css
 *
 * An LMS package is served from a folder of the LMS's choosing, often without
 * directory indexes, so it uses paths relative to the page writing them, to
 * files:
 *
 *     from listen02/:  page listen26/  →  ../listen26/index.html    page ''  →  ../index.html
 *     from the index:  page listen26/  →  listen26/index.html       file assets/x.css  →  assets/x.css
 */
import type { SiteOptions } from './types.ts'

/** The URLs one page writes. */
export interface PageUrls {
  /** The URL of the page published at `path` (`''` for the index, `listen26/` otherwise). */
  page(path: string): string
  /** The URL of the file at `path`, relative to the site root (`assets/x.css`, `img/map.png`). */
  file(path: string): string
}

/** The URLs written by the page published at `from` (`''` for the index); from `''`, relative URLs are relative to the site root. */
export function pageUrls(options: Pick<SiteOptions, 'base' | 'urls'>, from: string): PageUrls {
  if (options.urls === 'absolute') {
    const base = options.base
    return { page: (path) => base + encodeURI(path), file: (path) => base + encodeURI(path) }
  }
  const up = '../'.repeat(depth(from))
  return { page: (path) => `${up}${encodeURI(path)}index.html`, file: (path) => up + encodeURI(path) }
}

/** How many folders down the page at `path` is published: 0 for the index, 1 for `listen26/`. */
export function depth(path: string): number {
  let n = 0
  for (const c of path) if (c === '/') n++
  return n
}
