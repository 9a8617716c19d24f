/**
 * The page around the rendered body: semantic landmarks, the chapter's
 * progress dots (rendered here so the runtime only marks their state), the
 * stylesheet and the inline scripts that show the quiz before the deferred
 * runtime arrives, and a Content-Security-Policy that allows nothing but the
 * site's own files, those inline parts and the author's own `<style>` blocks.
 * An empty `data:` favicon stops browsers asking the host for /favicon.ico,
 * which would log a 404 on every static host that has none.
 * docs/page-contract.md describes what the runtime reads from it.
 */
import type { Messages } from '../messages/course-messages.ts'
import { messageHtml, messageText } from '../messages/format-message.ts'
import type { Course, CourseOutline, OutlineEntry } from '../model/types.ts'
import type { SiteOptions } from './types.ts'
import { escapeHtml } from './escape.ts'
import type { IndexAction, PageStyles } from './legacy-html.ts'
import { RECORD_PATH } from './site-paths.ts'
import { depth, type PageUrls, pageUrls } from './site-urls.ts'
import type { RenderedPage } from './render-page.ts'
import { titleHtml, titleText } from './title.ts'
import { sha256Base64 } from './sha256.ts'

/**
 * The site's stylesheet, minified, in parts (scripts/build.mjs): every page
 * inlines the base, and only the parts for what it holds, so no page
 * carries rules for what it has not (`stylesheetOf`).
 */
export interface StylesheetParts {
  /** The page chrome and what the runtime renders on every page (render/layout.css, runtime/runtime.css). */
  base: string
  /** What holds against the author's own CSS: reduced motion (render/author.css). */
  author: string
  /** Code, preformatted text, tables and block quotes (render/blocks.css). */
  blocks: string
  /** The quiz's rules (runtime/quiz.css). */
  quiz: string
  /** The progress dots' rules (render/dots.css). */
  dots: string
  /** The course index's buttons and outline (render/index.css). */
  index: string
}

export interface PageAssets {
  /** The stylesheet's parts, written into each page's `<style>` (nothing external before the quiz shows). */
  css: StylesheetParts
  /** Path of the hashed runtime script of every page but the index, relative to the site root; loaded with `defer`. */
  js: string
  /** Path of the course index's runtime script, likewise. */
  indexJs: string
  /** The head gate's inline script (src/runtime/first-paint/gate.ts, its settings put in). */
  gate: string
  /** The quiz's inline draw script (src/runtime/first-paint/draw.ts), written right after a quiz. */
  draw: string
  /**
   * The SHA-256 (base64) of each text above that a page inlines, for its
   * Content-Security-Policy: the stylesheets' by the mask of their parts (`stylesheetOf`).
   */
  hashes: { css: readonly string[]; gate: string; draw: string }
}

export interface LayoutInput {
  course: Course
  rendered: RenderedPage
  /** The page's place in the course; null for the index. */
  entry: OutlineEntry | null
  assets: PageAssets
  options: SiteOptions
  /** The interface's messages in the page's language. */
  ui: Messages
  /** The progress dots of each chapter in the page's language, as each page links them (`siteDots`). */
  dots: SiteDots
}

const RTL = /^(ar|he|fa|ur|ps|yi|dv|ckb|sd|ug)(-|$)/i
/** The index's buttons, by action, and their messages. */
const ACTION_KEYS: Record<IndexAction, string> = {
  begin: 'index.begin',
  continue: 'index.continue',
  reset: 'index.reset',
}

export function layoutPage({ course, rendered, entry, assets, options, ui, dots }: LayoutInput): string {
  const page = rendered.page
  const kind = page.front.kind
  const main = [
    `<h1 id="cm-title">${titleHtml(page.front.title, ui)}</h1>`,
    `<noscript><p class="cm-notice">${messageHtml(ui, 'page.noScript')}</p></noscript>`,
    rendered.html.trimEnd(),
    // Right after the quiz's content, so the learner's draw shows in the page's first layout.
    rendered.quiz ? `<script>${assets.draw}</script>` : '',
    kind === 'index' ? indexExtras(course, rendered, pageUrls(options, page.path), ui) : '',
    `<div class="cm-next" id="cm-next"></div>`,
  ]
  return pageDocument({
    course,
    title: kind === 'index' ? titleText(course.title, ui) : pageTitle(page.front.title, course, ui),
    id: page.id,
    prev: entry && entry.position > 0 ? (course.sequence[entry.position - 1]?.page.id ?? null) : null,
    quiz: rendered.quiz !== null,
    blocks: rendered.blocks,
    path: page.path,
    kind,
    styles: rendered.styles,
    dots: entry ? (dots.of(page.path).get(entry.chapterId) ?? '') : '',
    main: main.filter(Boolean).join('\n'),
    assets,
    options,
    ui,
  })
}

/** A page's `<title>`, as text: "Page – Course" in the page's language (`page.title`). */
export function pageTitle(title: string, course: CourseOutline, ui: Messages): string {
  return messageText(ui, 'page.title', { page: titleText(title, ui), course: titleText(course.title, ui) })
}

/** What makes a page of the site, whatever made its content. */
export interface PageShell {
  course: CourseOutline
  /** The document title, as text. */
  title: string
  /** `data-cm-page`: the page id, or a name no page can have (generated pages start with `_`). */
  id: string
  /** `data-cm-prev`: the previous gated page's id, which the head gate looks for in the pages done; null for the first (or an ungated page). */
  prev: string | null
  /** True when the page holds a quiz, whose draw script the policy allows. */
  quiz: boolean
  /** True when the page holds, or the runtime adds, code, a table or a block quote (`RenderedPage.blocks`). */
  blocks: boolean
  /** Where the page is published, relative to the site root: `''` for the index, `listen26/` otherwise. */
  path: string
  /** `data-cm-kind`, and the body's class. */
  kind: string
  /** The author's inline styles in the page, which the policy must allow by hash. */
  styles: PageStyles
  /** The chapter's progress dots, or nothing. */
  dots: string
  /** The content of `<main>`, heading included. */
  main: string
  assets: PageAssets
  options: SiteOptions
  /** The interface's messages in the page's language, which is theirs (`lang`, `dir`). */
  ui: Messages
}

/** A whole page: head (policy, stylesheet, script), header, dots, main, footer. */
export function pageDocument(shell: PageShell): string {
  const urls = pageUrls(shell.options, shell.path)
  const home = escapeHtml(urls.page(''))
  const ui = shell.ui
  const body = [
    `<a class="cm-skip" href="#cm-main">${messageHtml(ui, 'page.skip')}</a>`,
    `<header class="cm-header"><a class="cm-home" href="${home}">${titleHtml(shell.course.title, ui)}</a></header>`,
    shell.dots,
    `<main id="cm-main" tabindex="-1">`,
    shell.main,
    `</main>`,
    `<footer class="cm-footer"><a href="${home}">${messageHtml(ui, 'page.footer')}</a></footer>`,
  ]
    .filter(Boolean)
    .join('\n')
  const assets = shell.assets
  const js = shell.kind === 'index' ? assets.indexJs : assets.js
  const css = stylesheetOf(assets.css, shell)
  const scripts = [`<script defer src="${escapeHtml(urls.file(js))}"></script>`]
  if (shell.options.devScript) scripts.push(`<script src="${escapeHtml(shell.options.devScript)}" defer></script>`)
  const hashes = assets.hashes
  const policy = contentSecurityPolicy(shell.styles, {
    scriptHashes: shell.quiz ? [hashes.gate, hashes.draw] : [hashes.gate],
    styleHashes: [stylesheetHash(hashes.css, css.mask)],
  })
  const prev = shell.prev === null ? '' : ` data-cm-prev="${escapeHtml(shell.prev)}"`
  // Chromium holds rendering until `#cm-next`, just after the quiz, is parsed: one layout with the quiz drawn.
  const expect = shell.quiz ? `\n<link rel="expect" href="#cm-next" blocking="render">` : ''
  return `<!doctype html>
<html lang="${escapeHtml(ui.lang)}" dir="${direction(ui.lang)}" data-cm-page="${escapeHtml(shell.id)}"${prev} data-cm-kind="${shell.kind}">
<head>
${headStart(policy, shell.title, `<script>${assets.gate}</script>`)}
<style>${css.text}</style>${expect}
${scripts.join('\n')}
</head>
<body class="${shell.kind}">
${body}
</body>
</html>
`
}

/**
 * The parts a page's stylesheet may add to the base, in the order it adds
 * them; `npm run build` hashes each set of them in this order too
 * (scripts/build.mjs), by the same bit mask.
 */
const STYLESHEET_OPTIONS = ['author', 'blocks', 'quiz', 'dots', 'index'] as const

/**
 * The stylesheet a page inlines: the base, then the parts for the author's
 * own CSS, its blocks, its quiz, its dots, the index's outline; and the
 * mask of those parts (bit i: STYLESHEET_OPTIONS[i]).
 */
function stylesheetOf(
  parts: StylesheetParts,
  shell: Pick<PageShell, 'styles' | 'main' | 'blocks' | 'quiz' | 'dots' | 'kind'>,
): { text: string; mask: number } {
  const wanted = [hasAuthorCss(shell), !!shell.blocks, !!shell.quiz, !!shell.dots, shell.kind === 'index']
  let text = parts.base
  let mask = 0
  STYLESHEET_OPTIONS.forEach((part, bit) => {
    if (!wanted[bit]) return
    text += parts[part]
    mask |= 1 << bit
  })
  return { text, mask }
}

/** The hash `npm run build` made of the stylesheet with the parts in `mask`: it made one for every mask. */
function stylesheetHash(hashes: readonly string[], mask: number): string {
  const hash = hashes[mask]
  if (hash === undefined) throw new Error(`no stylesheet hash for parts ${mask}: run \`npm run build\``)
  return hash
}

/** Whether the page has CSS of the author's: a `<style>`, a `style` attribute, or a stylesheet it links. */
function hasAuthorCss(shell: Pick<PageShell, 'styles' | 'main'>): boolean {
  return shell.styles.elements.length > 0 || shell.styles.attributes.length > 0 || STYLESHEET_LINK.test(shell.main)
}

const STYLESHEET_LINK = /<link\b[^>]*\bstylesheet\b/i

/** The progress dots of every chapter, made once for each way the site's pages write URLs. */
export interface SiteDots {
  /** The dots as the page published at `path` links them, by chapter page id (null: sections before the first chapter). */
  of(path: string): ReadonlyMap<string | null, string>
}

/**
 * Dots are made once per site and language (once per folder depth in a
 * package, whose links are relative), so a page costs one lookup however
 * long the course.
 */
export function siteDots(course: CourseOutline, options: Pick<SiteOptions, 'base' | 'urls'>, ui: Messages): SiteDots {
  const made = new Map<number, Map<string | null, string>>()
  return {
    of(path) {
      const key = options.urls === 'absolute' ? 0 : depth(path)
      let dots = made.get(key)
      if (!dots) {
        dots = chapterDots(course, pageUrls(options, path), ui)
        made.set(key, dots)
      }
      return dots
    },
  }
}

/** `rtl` for a right-to-left language, else `ltr`. */
export function direction(lang: string): 'rtl' | 'ltr' {
  return RTL.test(lang) ? 'rtl' : 'ltr'
}

/**
 * What every page's `<head>` starts with: the charset, the viewport, its
 * Content-Security-Policy, then `first` (a course page's head gate, which
 * must run before any stylesheet is met), no referrer, an empty favicon,
 * its title (text).
 */
export function headStart(csp: string, title: string, first = ''): string {
  return `<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">${first ? `\n${first}` : ''}
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>`
}

/**
 * The dots of every chapter (key: chapter page id; null for sections before
 * the first chapter): one link per section, titled, state left to the runtime.
 */
function chapterDots(course: CourseOutline, urls: PageUrls, ui: Messages): Map<string | null, string> {
  const sections = new Map<string | null, OutlineEntry[]>()
  const titles = new Map<string, string>()
  for (const p of course.sequence) {
    if (p.page.front.kind === 'chapter') titles.set(p.page.id, p.page.front.title)
    else {
      const list = sections.get(p.chapterId) ?? []
      list.push(p)
      sections.set(p.chapterId, list)
    }
  }
  const out = new Map<string | null, string>()
  for (const [chapter, list] of sections) {
    const title = chapter === null ? undefined : titles.get(chapter)
    const label = title
      ? messageHtml(ui, 'dots.label', { chapter: titleHtml(title, ui) })
      : messageHtml(ui, 'dots.labelAlone')
    const items = list.map(
      (s) =>
        `<li><a class="cm-dot" href="${escapeHtml(urls.page(s.page.path))}" data-cm-dot="${escapeHtml(s.page.id)}"><span>${titleHtml(s.page.front.title, ui)}</span></a></li>`,
    )
    out.set(
      chapter,
      `<nav class="cm-dots" aria-labelledby="cm-dots-label">\n<p id="cm-dots-label">${label}</p>\n<ol>${items.join('')}</ol>\n</nav>`,
    )
  }
  return out
}

/**
 * The index's status line, begin/continue/reset buttons and an outline when
 * the author's index has none, then "Move your progress" and the completion
 * record's link (the runtime shows it once the course is complete).
 */
function indexExtras(course: CourseOutline, rendered: RenderedPage, urls: PageUrls, ui: Messages): string {
  const parts = [`<p class="cm-index-status" data-cm-status></p>`]
  const missing = (Object.keys(ACTION_KEYS) as IndexAction[]).filter((a) => !rendered.actions.has(a))
  if (missing.length) {
    parts.push(
      `<p class="cm-index-actions">${missing.map((a) => `<button type="button" data-cm-action="${a}">${messageHtml(ui, ACTION_KEYS[a])}</button>`).join(' ')}</p>`,
    )
  }
  parts.push(
    `<p class="cm-index-more"><button type="button" class="cm-secondary" data-cm-action="move">${messageHtml(ui, 'index.move')}</button> <a class="cm-button cm-secondary" data-cm-action="record" href="${escapeHtml(urls.page(RECORD_PATH))}" hidden>${messageHtml(ui, 'record.title')}</a></p>`,
  )
  if (!rendered.hasOutline) parts.push(outline(course, ui))
  return parts.join('\n')
}

function outline(course: CourseOutline, ui: Messages): string {
  const out: string[] = []
  let open = false
  const item = (p: OutlineEntry) =>
    `<span data-cm-link="${escapeHtml(p.page.id)}">${titleHtml(p.page.front.title, ui)}</span>`
  for (const p of course.sequence) {
    if (p.page.front.kind === 'chapter') {
      if (open) out.push('</ol></li>')
      out.push(`<li class="cm-outline-chapter">${item(p)}<ol>`)
      open = true
    } else out.push(`<li>${item(p)}</li>`)
  }
  if (open) out.push('</ol></li>')
  return `<nav class="cm-outline" aria-labelledby="cm-outline-title">\n<h2 id="cm-outline-title">${messageHtml(ui, 'index.outline')}</h2>\n<ol>${out.join('')}</ol>\n</nav>`
}

/**
 * Only the site's own scripts and stylesheets may load; inline, only what
 * is allowed by hash: coursemark's own (`scriptHashes`, `styleHashes`: the
 * head gate, the draw script, the stylesheet, hashed from exactly the text
 * the page holds) and
 * the author's `<style>` blocks and `style` attributes (found in the body by
 * the render stage, as the browser reads them; the layout adds none), so
 * nothing inline can be injected. Images may come from the site or be data:
 * URLs. Only an LMS package's launch page shows frames (`frames`).
 */
export function contentSecurityPolicy(
  styles: PageStyles,
  options: { frames?: boolean; scriptHashes?: readonly string[]; styleHashes?: readonly string[] } = {},
): string {
  const hashes = new Set<string>(options.styleHashes)
  for (const text of styles.elements) hashes.add(sha256Base64(text))
  for (const text of styles.attributes) hashes.add(sha256Base64(text))
  const attrs = styles.attributes.length > 0
  const styleSrc = ["'self'", ...(attrs ? ["'unsafe-hashes'"] : []), ...[...hashes].map((h) => `'sha256-${h}'`)].join(
    ' ',
  )
  const scriptSrc = ["'self'", ...(options.scriptHashes ?? []).map((hash) => `'sha256-${hash}'`)].join(' ')
  const frames = options.frames ? "; frame-src 'self'" : ''
  return `default-src 'none'; script-src ${scriptSrc}; style-src ${styleSrc}; img-src 'self' data:; media-src 'self'; connect-src 'self'; worker-src 'self'${frames}; base-uri 'none'; form-action 'none'`
}
