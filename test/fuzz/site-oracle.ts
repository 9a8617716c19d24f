/**
 * What must hold of every page of a site the build wrote (exit 0), read
 * with parse5's full HTML parser, as a browser builds the page, not with
 * the build's own code:
 *
 * - the only scripts are coursemark's own: the runtime and the head gate in
 *   `<head>`, the draw script after a quiz, each inline one allowed by its
 *   hash; no element has an `on…` handler or a `javascript:` URL, quiz
 *   statements and explanations included;
 * - no `{:`, `{{` or `{%` in the text outside code, statements included;
 * - the Content-Security-Policy is there, strict, and allows every style
 *   the page holds; the layout is whole (`<main>`, the footer, the index's
 *   three buttons are where the layout put them, nothing swallowed them);
 * - every quiz section holds a quiz the runtime's own reader loads.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse, parseFragment } from 'parse5'
import { readQuiz } from '../../src/runtime/quiz-data.ts'
import { siteTree } from '../helpers/site-tree.ts'

interface Node {
  nodeName: string
  value?: string
  sourceCodeLocation?: { startOffset: number; endOffset: number } | null
  attrs?: { name: string; value: string }[]
  childNodes?: Node[]
  content?: Node
}

const CODE = new Set(['code', 'pre', 'script', 'style', 'textarea', 'title', 'xmp'])
const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'cite'])
const LEFTOVER = /\{[:{%]/
const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`

/** coursemark's inline scripts as the build writes them (dist/, src/emit/first-paint.ts). */
const FIRST = (() => {
  const dist = (name: string) => readFileSync(join(import.meta.dirname, '../../dist', name), 'utf8').trim()
  const [before, after] = dist('first-gate.js').split('__CM_GATE__') as [string, string]
  return {
    draw: dist('first-draw.js'),
    isGate: (text: string) =>
      text.startsWith(before) &&
      text.endsWith(after) &&
      /^\{"k":"[^"<]*"(,"o":true)?\}$/.test(text.slice(before.length, -after.length)),
  }
})()

const textOf = (n: Node) => (n.childNodes ?? []).map((c) => c.value ?? '').join('')

/**
 * Every problem of the site in `dir`, built from the course in `courseDir`,
 * one line each; none when all holds. An HTML file the course holds as it
 * is (a static file) is the author's, copied as it is, and not a page of
 * coursemark's.
 */
export function siteProblems(dir: string, courseDir: string): string[] {
  const problems: string[] = []
  for (const file of siteTree(dir).keys()) {
    if (!file.endsWith('.html') || existsSync(join(courseDir, file))) continue
    const html = readFileSync(join(dir, file), 'utf8')
    for (const p of pageProblems(html)) problems.push(`${file}: ${p}`)
  }
  return problems
}

function pageProblems(html: string): string[] {
  const problems: string[] = []
  const doc = parse(html, { sourceCodeLocationInfo: true }) as unknown as Node
  const root = child(doc, 'html')
  // A page of the course (index, chapter, section), or one coursemark adds (the completion record).
  const kind = root ? attr(root, 'data-cm-kind') : null
  const head = child(root, 'head')
  const body = child(root, 'body')
  if (!head || !body) return ['no <head> or <body>']
  const csp = cspOf(head, problems)
  const quizzes = all(body, (n) => attr(n, 'data-cm-quiz') !== null).length
  const bodyScripts = all(body, (n) => n.nodeName === 'script')
  for (const s of bodyScripts)
    if (textOf(s) !== FIRST.draw || !csp.includes(hash(FIRST.draw)) || quizzes !== 1)
      problems.push(`a script in the body that is not coursemark's draw script: ${attrsOf(s)}`)
  if (quizzes !== bodyScripts.length) problems.push(`${quizzes} quiz sections and ${bodyScripts.length} draw scripts`)
  for (const s of all(head, (n) => n.nodeName === 'script')) {
    const text = textOf(s)
    const runtime = /^\/(.+\/)?assets\/coursemark\.[0-9a-f]{10}\.js$/.test(attr(s, 'src') ?? '') && !text
    const gate = !attr(s, 'src') && FIRST.isGate(text) && csp.includes(hash(text))
    if (!runtime && !gate) problems.push(`a script in the head that is not coursemark's: ${attrsOf(s)}`)
  }
  problems.push(...unsafeAttributes(doc), ...leftovers(body, html))
  problems.push(...layoutProblems(body, kind), ...styleProblems(body, csp), ...quizProblems(body))
  return problems
}

/** The page's policy, after checking there is exactly one and that it is the strict one. */
function cspOf(head: Node, problems: string[]): string {
  const metas = all(head, (n) => n.nodeName === 'meta' && attr(n, 'http-equiv') === 'Content-Security-Policy')
  const csp = metas[0] ? (attr(metas[0], 'content') ?? '') : ''
  if (metas.length !== 1) problems.push(`${metas.length} Content-Security-Policy metas`)
  if (
    !/^default-src 'none'; script-src 'self'( 'sha256-[\w+/=]+')*; style-src 'self'/.test(csp) ||
    /unsafe-inline|unsafe-eval/.test(csp)
  )
    problems.push(`a weak Content-Security-Policy: ${csp}`)
  return csp
}

function unsafeAttributes(root: Node): string[] {
  const problems: string[] = []
  for (const n of all(root, (x) => !!x.attrs?.length)) {
    for (const a of n.attrs!) {
      if (/^on/i.test(a.name)) problems.push(`a handler: <${n.nodeName} ${a.name}="${a.value}">`)
      if (URL_ATTRS.has(a.name) && isScriptUrl(a.value))
        problems.push(`a javascript: URL: <${n.nodeName} ${a.name}="${a.value}">`)
    }
  }
  return problems
}

/**
 * Text outside code that holds `{:`, `{{` or `{%` as written in `html`, the
 * source: a brace written `&#123;` is one the author meant as text.
 */
function leftovers(root: Node, html: string): string[] {
  const problems: string[] = []
  const walk = (n: Node) => {
    const loc = n.sourceCodeLocation
    const source = n.nodeName === '#text' && loc ? html.slice(loc.startOffset, loc.endOffset) : ''
    if (LEFTOVER.test(source)) problems.push(`text left as syntax: ${JSON.stringify(source.slice(0, 80))}`)
    if (CODE.has(n.nodeName)) return
    for (const c of n.childNodes ?? []) walk(c)
    if (n.content) walk(n.content)
  }
  walk(root)
  return problems
}

/** The layout's own elements are where it put them: nothing in the body swallowed them. */
function layoutProblems(body: Node, kind: string | null): string[] {
  const names = (body.childNodes ?? [])
    .filter((n) => !n.nodeName.startsWith('#'))
    .map((n) => `${n.nodeName}${attr(n, 'id') ? `#${attr(n, 'id')}` : ''}`)
  const problems: string[] = []
  const main = (body.childNodes ?? []).find((n) => n.nodeName === 'main')
  if (!names.includes('main#cm-main') || names[names.length - 1] !== 'footer')
    problems.push(`the layout is broken: body holds ${names.join(', ')}`)
  // An element the author left open may hold them (the browser closes it at </main>), but <main> must.
  const coursePage = kind === 'index' || kind === 'chapter' || kind === 'section'
  for (const id of coursePage ? ['cm-title', 'cm-next'] : [])
    if (main && !all(main, (n) => attr(n, 'id') === id).length)
      problems.push(`the layout is broken: #${id} is not in <main>`)
  if (kind === 'index') {
    const actions = new Set(all(body, (n) => n.nodeName === 'button').map((b) => attr(b, 'data-cm-action')))
    for (const a of ['begin', 'continue', 'reset']) if (!actions.has(a)) problems.push(`the index has no ${a} button`)
  }
  return problems
}

/** Every style of the body is allowed by the policy, by hash. */
function styleProblems(body: Node, csp: string): string[] {
  const problems: string[] = []
  for (const s of all(body, (n) => n.nodeName === 'style')) {
    const text = (s.childNodes ?? []).map((c) => c.value ?? '').join('')
    if (!csp.includes(hash(text)))
      problems.push(`a <style> the policy does not allow: ${JSON.stringify(text.slice(0, 60))}`)
  }
  for (const n of all(body, (x) => attr(x, 'style') !== null)) {
    if (!csp.includes(hash(attr(n, 'style')!)) || !csp.includes("'unsafe-hashes'"))
      problems.push(`a style="" the policy does not allow: ${attr(n, 'style')}`)
  }
  return problems
}

/** Each quiz section loads in the runtime, and its explanations hold no script, handler or syntax (its statements are in the body). */
function quizProblems(body: Node): string[] {
  const problems: string[] = []
  const sections = all(body, (n) => attr(n, 'data-cm-quiz') !== null)
  if (sections.length > 1) problems.push(`${sections.length} quiz sections`)
  for (const s of sections) {
    if (s.nodeName !== 'section' || !/\bcm-quiz\b/.test(attr(s, 'class') ?? ''))
      problems.push(`data-cm-quiz on <${s.nodeName}>`)
    const loaded = readQuiz(attr(s, 'data-cm-quiz'))
    if (!loaded) {
      problems.push(`a quiz the runtime cannot load: ${attr(s, 'data-cm-quiz')?.slice(0, 100)}`)
      continue
    }
    if (all(s, (n) => n.nodeName === 'fieldset').length !== loaded.answers.length)
      problems.push('a quiz whose radio groups are not its bank')
    for (const { x: html } of loaded.answers) {
      const frag = parseFragment(html, { sourceCodeLocationInfo: true }) as unknown as Node
      if (all(frag, (n) => n.nodeName === 'script').length) problems.push(`a script in an explanation: ${html}`)
      problems.push(...unsafeAttributes(frag).map((p) => `in an explanation, ${p}`))
      problems.push(...leftovers(frag, html).map((p) => `in an explanation, ${p}`))
    }
  }
  return problems
}

/** A `javascript:` URL, as a browser reads one: C0 controls and spaces before it, tabs and line breaks in it, ignored. */
function isScriptUrl(value: string): boolean {
  let start = 0
  while (start < value.length && value.charCodeAt(start) <= 0x20) start++
  return /^javascript:/i.test(value.slice(start).replace(/[\t\n\r]/g, ''))
}

function child(n: Node | undefined, name: string): Node | undefined {
  return n?.childNodes?.find((c) => c.nodeName === name)
}

function all(root: Node, match: (n: Node) => boolean): Node[] {
  const out: Node[] = []
  const walk = (n: Node) => {
    if (match(n)) out.push(n)
    for (const c of n.childNodes ?? []) walk(c)
    if (n.content) walk(n.content)
  }
  walk(root)
  return out
}

function attr(n: Node, name: string): string | null {
  return n.attrs?.find((a) => a.name === name)?.value ?? null
}

function attrsOf(n: Node): string {
  return (n.attrs ?? []).map((a) => `${a.name}="${a.value}"`).join(' ')
}
