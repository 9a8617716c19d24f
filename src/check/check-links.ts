/**
 * `check`'s warnings about links and images: a link to a page or file the
 * course does not have, and an image without alt text. Links to other sites
 * are not followed. Pure: the page's links and the course's files in,
 * warnings out.
 */
import { posix } from 'node:path'
import { warning, type Diagnostic } from '../diagnostics/diagnostic.ts'
import { closest } from '../diagnostics/closest.ts'
import type { FoundLink } from '../render/types.ts'

/** What the links of a page may point at. */
export interface LinkTargets {
  /** Site base path, with leading and trailing slash. */
  base: string
  /** Paths of the course's static files (images, downloads), relative to the course root. */
  files: ReadonlySet<string>
  /** Paths of the course's pages (`.md` files), relative to the course root, to suggest one for a typo. */
  pages: ReadonlySet<string>
}

/** Every warning about `links`, in the order they are written. */
export function checkLinks(links: readonly FoundLink[], targets: LinkTargets): Diagnostic[] {
  const out: Diagnostic[] = []
  for (const link of links) {
    const at = { file: link.source.file, line: link.source.line, column: link.source.column }
    if (link.kind === 'img' && !(link.alt ?? '').trim()) {
      out.push(
        warning({
          code: 'image/no-alt',
          message: 'This image has no alt text.',
          ...at,
          hint: 'Describe what it shows between the brackets, as in `![A map of the building](map.png)`: screen readers read it out instead of the image.',
        }),
      )
    }
    const missing = missingTarget(link, targets)
    if (missing === null) continue
    if (link.kind === 'img') {
      out.push(
        warning({
          code: 'image/missing-file',
          message: `The image ${missing} is not in the course folder.`,
          ...at,
          hint: "Add the file, or fix the path: a relative path starts from the folder of this page's file.",
        }),
      )
    } else if (looksLikePage(missing)) {
      out.push(
        warning({
          code: 'link/missing-page',
          message: `This link points to ${missing}, which is not a page of the course.`,
          ...at,
          hint: link.href.startsWith('/')
            ? `Link to the page's file instead, as in \`[text](intro.md)\`: the build turns it into the page's URL under ${targets.base}.`
            : `${didYouMean(missing, link.source.file, targets.pages)}Link to the file of an existing page, as in \`[text](intro.md)\`; a relative path starts from the folder of this page's file.`,
        }),
      )
    } else {
      out.push(
        warning({
          code: 'link/missing-file',
          message: `This link points to ${missing}, which is not in the course folder.`,
          ...at,
          hint: "Add the file, or fix the path: a relative path starts from the folder of this page's file.",
        }),
      )
    }
  }
  return out
}

/**
 * What a link points at that the course lacks, as a path to show; null when
 * it is fine or not ours to check (another site, a path outside the base, a
 * path out of the course folder).
 */
function missingTarget(link: FoundLink, targets: LinkTargets): string | null {
  const t = link.target
  if (t && 'page' in t) return null
  if (t && 'file' in t) return targets.files.has(t.file) ? null : t.file
  // Unresolved: only an absolute path under the base is the course's own.
  const path = decode(link.href.replace(/[?#].*$/, ''))
  if (!path.startsWith('/') || path.startsWith('//') || !path.startsWith(targets.base)) return null
  return targets.files.has(path.slice(targets.base.length)) ? null : path
}

/** `Did you mean quizzes.md? ` for a typo of a page's file, written relative to the linking page; else nothing. */
function didYouMean(missing: string, from: string, pages: ReadonlySet<string>): string {
  const near = closest(missing.endsWith('.md') ? missing : `${missing.replace(/\/$/, '')}.md`, [...pages])
  return near ? `Did you mean ${posix.relative(posix.dirname(from), near)}? ` : ''
}

/** `notes.md`, `notes`, `notes/`, `/base/notes/`: a page, not a file to download. */
function looksLikePage(path: string): boolean {
  return /\.md$/i.test(path) || !/\.[A-Za-z0-9]{1,5}$/.test(path.replace(/\/$/, ''))
}

function decode(s: string): string {
  try {
    return decodeURI(s)
  } catch {
    return s
  }
}
