/** The lookups the Markdown rules need about the course as a whole, made once per build. */
import type { Page } from '../load/types.ts'
import type { CourseLookup } from './render-env.ts'
import type { SiteOptions } from './types.ts'

/** Every page by file, serial and each URL an author may write for it under `site.base`. */
export function courseLookup(pages: readonly Page[], site: Pick<SiteOptions, 'base' | 'urls' | 'lms'>): CourseLookup {
  const base = site.base
  const pageByFile = new Map<string, Page>()
  const pageBySerial = new Map<number, Page>()
  const pageByUrl = new Map<string, Page>()
  for (const p of pages) {
    pageByFile.set(p.file, p)
    if (p.front.serial !== null) pageBySerial.set(p.front.serial, p)
    const url = base + p.path
    pageByUrl.set(url, p)
    if (p.path) {
      pageByUrl.set(url.slice(0, -1), p)
      pageByUrl.set(`${url.slice(0, -1)}.html`, p)
    } else {
      pageByUrl.set(`${base}index.html`, p)
      if (base !== '/') pageByUrl.set(base.slice(0, -1), p)
    }
  }
  return { base, urls: site.urls, lms: site.lms, pageByFile, pageBySerial, pageByUrl }
}
