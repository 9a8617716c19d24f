/**
 * Links and images. Pages are published at clean URLs (`intro.md` becomes
 * `<base>intro/`), so a relative URL written against the source folder would
 * break; this rule rewrites it:
 *
 *     [Next](basics/notes.md#tips)  →  href="<base>basics/notes/#tips"
 *     ![Map](img/map.png)           →  src="<base>img/map.png"
 *
 * Absolute paths and other hosts are left as written. Every link is recorded
 * in `env.links` so that `check` can report the broken ones.
 *
 * In an LMS package (site-urls.ts) every URL of the course is relative and
 * names a file, absolute paths under the base included:
 *
 *     [Next](basics/notes.md)       →  href="../basics/notes/index.html"   (from a page at intro/)
 *     [Home](/listen/)              →  href="../index.html"                (with --base /listen/)
 *
 * and links to other sites open in a new tab: the package's pages are shown
 * in the launch page's frame, which may show only the package's own pages.
 */
import { posix } from 'node:path'
import type { MarkdownIt } from 'markdown-it'
import type { StateCore } from 'markdown-it'
import type { FoundLink, RenderEnv } from '../render-env.ts'
import { pageUrls } from '../site-urls.ts'

export function linksPlugin(md: MarkdownIt): void {
  md.core.ruler.push('links', rewriteLinks)
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i

function rewriteLinks(state: StateCore): void {
  const env = state.env as unknown as RenderEnv
  let srcLines: string[] | null = null
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue
    const line = block.map ? env.line(block.map[0]) : 0
    // Where to look for the next URL of this block, so that a URL written twice is found twice.
    const cursor = { line: block.map?.[0] ?? 0, column: 0 }
    for (const t of block.children) {
      const attr = t.type === 'link_open' ? 'href' : t.type === 'image' ? 'src' : null
      if (!attr) continue
      const url = String(t.attrGet(attr) ?? '')
      srcLines ??= state.src.split('\n')
      const spot = block.map ? locate(srcLines, cursor, block.map[1], url) : null
      // An image is pointed at by its `![`, a link by its URL.
      const start = spot && t.type === 'image' ? srcLines[spot.line]!.lastIndexOf('![', spot.column) : -1
      const source = spot
        ? { file: env.file, line: env.line(spot.line), column: (start >= 0 ? start : spot.column) + 1 }
        : { file: env.file, line, column: 1 }
      const found: FoundLink = { kind: attr === 'href' ? 'a' : 'img', href: url, target: null, source }
      if (t.type === 'image') found.alt = t.content
      const resolved = resolveUrl(url, env)
      if (resolved) {
        t.attrSet(attr, resolved.url)
        found.target = resolved.target
      } else if (env.course.lms && t.type === 'link_open' && /^https?:/i.test(url)) {
        t.attrSet('target', '_blank')
        t.attrSet('rel', 'noopener noreferrer')
      }
      env.links.push(found)
    }
  }
}

/**
 * The 0-based line and column of `url` in the source, searching from `cursor`
 * up to line `end` (exclusive) and moving the cursor past it. markdown-it
 * hands over URLs percent-encoded, so the decoded form is tried too.
 */
function locate(
  lines: string[],
  cursor: { line: number; column: number },
  end: number,
  url: string,
): { line: number; column: number } | null {
  if (!url) return null
  const forms = [...new Set([url, safeDecode(url)])]
  // `](url` first, so that a link whose text is its own URL points at the URL.
  const needles = [
    ...forms.map((f) => ({ text: `](${f}`, skip: 2 })),
    ...forms.map((f) => ({ text: `](<${f}`, skip: 3 })),
    ...forms.map((f) => ({ text: f, skip: 0 })),
  ]
  for (let l = cursor.line; l < end && l < lines.length; l++) {
    for (const needle of needles) {
      const found = lines[l]!.indexOf(needle.text, l === cursor.line ? cursor.column : 0)
      if (found >= 0) {
        cursor.line = l
        cursor.column = found + needle.text.length
        return { line: l, column: found + needle.skip }
      }
    }
  }
  return null
}

/** What a URL written in a page points at, and the URL to publish; null leaves it as written. */
export function resolveUrl(
  url: string,
  env: Pick<RenderEnv, 'file' | 'course' | 'page'>,
): { url: string; target: FoundLink['target'] } | null {
  if (!url || SCHEME.test(url) || url.startsWith('//') || url.startsWith('#')) return null
  const cut = url.search(/[?#]/)
  const path = cut < 0 ? url : url.slice(0, cut)
  const rest = cut < 0 ? '' : url.slice(cut)
  const { base, pageByFile, pageByUrl } = env.course
  const urls = pageUrls(env.course, env.page.path)
  if (path.startsWith('/')) {
    const page = pageByUrl.get(safeDecode(path))
    if (env.course.urls === 'absolute') return page ? { url, target: { page: page.id } } : null
    if (page) return { url: urls.page(page.path) + rest, target: { page: page.id } }
    return path.startsWith(base) ? { url: urls.file(safeDecode(path.slice(base.length))) + rest, target: null } : null
  }
  const file = posix.normalize(posix.join(posix.dirname(env.file), safeDecode(path)))
  if (file.startsWith('../')) return null
  const page =
    pageByFile.get(file) ?? pageByFile.get(`${file}.md`) ?? pageByFile.get(`${file.replace(/\/$/, '')}/index.md`)
  if (page) return { url: urls.page(page.path) + rest, target: { page: page.id } }
  return { url: urls.file(file) + rest, target: { file } }
}

function safeDecode(s: string): string {
  try {
    return decodeURI(s)
  } catch {
    return s
  }
}
