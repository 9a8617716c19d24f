/**
 * Weight: what a learner's browser downloads on a first visit to a page of
 * the built site: the HTML (which holds the stylesheet and the inline
 * scripts), and the script and images it loads, raw and gzipped. Gzip is zlib at level 9 (`gzip -9`), about what a static
 * host sends; a host that compresses less sends a little more.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, posix } from 'node:path'
import { gzipSync } from 'node:zlib'
import { DomUtils, parseDocument } from 'htmlparser2'
import { formatBytes, judge, type Row } from './table.ts'

/**
 * 12 KB = 12,000 bytes gzipped for a section's first visit: the runtime
 * issue (#4) allowed 15 KB; issue 13 moved the stylesheet and two scripts
 * into every page and is held to 12 KB, about what a first visit weighed before it.
 */
export const WEIGHT_BUDGET_BYTES = 12_000

/** Raw and gzipped size of a set of files. */
export interface Bytes {
  raw: number
  gzip: number
}

/** One page's first visit, by kind of file. */
export interface PageWeight {
  /** The page id (`data-cm-page`). */
  id: string
  /** `index`, `chapter` or `section` (`data-cm-kind`). */
  kind: string
  /** True when the page holds a quiz. */
  quiz: boolean
  html: Bytes
  css: Bytes
  js: Bytes
  /** Images and anything else the page loads from the site. */
  other: Bytes
  /** Everything the first visit downloads. */
  total: Bytes
}

const sizes = (data: Buffer): Bytes => ({ raw: data.length, gzip: gzipSync(data, { level: 9 }).length })
const add = (a: Bytes, b: Bytes): Bytes => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip })
const ZERO: Bytes = { raw: 0, gzip: 0 }

/** The weight of every page of the site built into `siteDir` under `base`. */
export function weighSite(siteDir: string, base: string): PageWeight[] {
  const cache = new Map<string, Bytes>()
  const file = (url: string): Bytes => {
    // Only the site's own files count: the pages load nothing from other hosts.
    if (!url.startsWith(base)) return ZERO
    const path = join(siteDir, ...posix.normalize(url.slice(base.length).split(/[?#]/)[0]!).split('/'))
    const b = cache.get(path) ?? sizes(readFileSync(path))
    cache.set(path, b)
    return b
  }
  return htmlFiles(siteDir).map((path) => {
    const data = readFileSync(path)
    const doc = parseDocument(data.toString('utf8'))
    const root = DomUtils.findOne((e) => e.name === 'html', doc.children)
    const all = DomUtils.findAll(() => true, doc.children)
    const css = all
      .filter((e) => e.name === 'link' && /\bstylesheet\b/.test(e.attribs['rel'] ?? ''))
      .map((e) => file(e.attribs['href'] ?? ''))
    const js = all.filter((e) => e.name === 'script' && e.attribs['src']).map((e) => file(e.attribs['src']!))
    const other = all
      .filter((e) => e.name === 'img' && e.attribs['src'] && !e.attribs['src'].startsWith('data:'))
      .map((e) => file(e.attribs['src']!))
    const w = {
      id: root?.attribs['data-cm-page'] ?? path,
      kind: root?.attribs['data-cm-kind'] ?? 'unknown',
      quiz: all.some((e) => e.attribs['class']?.split(/\s+/).includes('cm-quiz') ?? false),
      html: sizes(data),
      css: css.reduce(add, ZERO),
      js: js.reduce(add, ZERO),
      other: other.reduce(add, ZERO),
    }
    return { ...w, total: [w.html, w.css, w.js, w.other].reduce(add) }
  })
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name)
    if (e.isDirectory()) return htmlFiles(path)
    return e.name.endsWith('.html') ? [path] : []
  })
}

const pair = (b: Bytes) => `${formatBytes(b.raw)} → ${formatBytes(b.gzip)}`

/**
 * A row per page type: the index, the heaviest chapter page and the heaviest
 * section with a quiz (the budget holds for every one, so the heaviest is
 * the one to judge). The section budget is applied to the index and chapter
 * pages too: they carry the same stylesheet and a runtime script.
 */
export function weightRows(pages: PageWeight[], courseName: string): Row[] {
  const types: { label: string; pick: (p: PageWeight) => boolean }[] = [
    { label: 'index', pick: (p) => p.kind === 'index' },
    { label: 'chapter', pick: (p) => p.kind === 'chapter' },
    { label: 'section with quiz', pick: (p) => p.kind === 'section' && p.quiz },
  ]
  return types.flatMap(({ label, pick }) => {
    const of = pages.filter(pick)
    const heaviest = of.reduce<PageWeight | null>((a, p) => (a === null || p.total.gzip > a.total.gzip ? p : a), null)
    if (!heaviest) return []
    const which = of.length > 1 ? `${heaviest.id}, heaviest of ${of.length}` : heaviest.id
    // The stylesheet is inline (issue 13): a CSS file is shown only if a page loads one.
    const parts = [`HTML ${pair(heaviest.html)}`, `JS ${pair(heaviest.js)}`]
    if (heaviest.css.raw) parts.splice(1, 0, `CSS ${pair(heaviest.css)}`)
    if (heaviest.other.raw) parts.push(`images ${pair(heaviest.other)}`)
    return [
      {
        name: `Weight, ${courseName} ${label} (${which})`,
        coursemark: parts.join(' · '),
        others: '—',
        measured: `first visit ${pair(heaviest.total)}`,
        budget: `≤ ${formatBytes(WEIGHT_BUDGET_BYTES)} gzip`,
        verdict: judge(heaviest.total.gzip, WEIGHT_BUDGET_BYTES),
      },
    ]
  })
}
