/**
 * Raw HTML written for the old jQuery runtime cannot run here: the pages'
 * Content-Security-Policy allows no inline script, and the functions it calls
 * do not exist. Rather than ship a page that throws, the build takes such code
 * out and says so, wherever the author's HTML is (a page's body, a quiz
 * statement or explanation, which the runtime inserts as HTML):
 *
 * - `<script>` elements are removed (a note);
 * - `on…=` handler attributes and `javascript:` URLs are removed (a warning);
 * - on the index, buttons named "Begin / Continue / Reset the course" (or with
 *   those ids) get `data-cm-action`, so coursemark's own index behaviour
 *   drives them;
 * - HTML that leaves something open at its end (`<!--`, `<textarea>`, a tag
 *   without `>`…), which would swallow the rest of the page, is an error.
 *
 * The HTML is read by html-scan.ts as a browser reads it. Only what must
 * change is changed: a script is cut out, a start tag with a handler is
 * written again from its other attributes as the author wrote them, and
 * every other byte stays as it was.
 */
import { error, note, warning, type Diagnostic } from '../diagnostics/diagnostic.ts'
import { type HtmlScan, isUnsafe, type OpenAtEnd, type ScannedTag, scanHtml } from './html-scan.ts'

export type IndexAction = 'begin' | 'continue' | 'reset'

export interface LegacyResult {
  html: string
  /** Which index actions the page's own buttons now provide. */
  actions: Set<IndexAction>
  /** The styles the HTML holds, which the page's Content-Security-Policy allows by hash. */
  styles: PageStyles
}

/** The author's inline styles, as the browser will hash them. */
export interface PageStyles {
  /** The text of each `<style>` element. */
  elements: string[]
  /** The value of each `style` attribute. */
  attributes: string[]
}

/** Where the diagnostics about a piece of HTML point. */
export interface HtmlPlace {
  file: string
  /** The line and column of the author's source where `needle` (a tag as written) first appears; the piece's start if it does not. */
  find: (needle: string) => { line: number; column: number }
  /** True for a page's body (notes name the page), false for a quiz item (notes name the item). */
  isBody: boolean
}

/** One change to the HTML: [start, end) replaced by `text`. */
interface Edit {
  start: number
  end: number
  text: string
}

/**
 * Cleans `html`, the rendered body of the page at `file`. `source` is the
 * page's Markdown and `sourceLine` the file line it starts on, used to point
 * the diagnostics at the author's lines. `hasQuiz`: the body holds the quiz
 * section, which the author's HTML must not swallow.
 */
export function replaceLegacyHtml(
  html: string,
  page: { isIndex: boolean; hasQuiz: boolean },
  place: HtmlPlace,
  diagnostics: Diagnostic[],
): LegacyResult {
  const scan = scanHtml(html, page.isIndex)
  const edits: Edit[] = scan.scripts.map((s) => scriptRemoval(html, s))
  const index = page.isIndex ? connectIndexButtons(scan, html, place, diagnostics) : null
  if (index) edits.push(...index.edits)
  const connected = new Set(index?.buttons ?? [])
  const unsafe = scan.unsafe.filter((t) => !connected.has(t))
  edits.push(...unsafe.map((t) => ({ start: t.start, end: t.end, text: rewriteTag(html, t, isUnsafe) })))
  reportScripts(scan, html, page.isIndex, place, diagnostics)
  reportHandlers(unsafe, html, place, diagnostics)
  if (scan.openAtEnd) diagnostics.push(unclosed(scan.openAtEnd, html, place))
  if (scan.quizSections !== (page.hasQuiz ? 1 : 0)) diagnostics.push(quizSwallowed(scan.quizSections, place))
  return {
    html: applyEdits(html, edits),
    actions: new Set(index?.actions ?? []),
    styles: { elements: scan.styleElements, attributes: scan.styleAttributes },
  }
}

/**
 * Cleans a quiz statement's or explanation's HTML the same way; every
 * diagnostic points at the bank item.
 */
export function cleanFragmentHtml(html: string, place: HtmlPlace, diagnostics: Diagnostic[]): string {
  return replaceLegacyHtml(html, { isIndex: false, hasQuiz: false }, place, diagnostics).html
}

/**
 * Cuts out a script and the line break after it. A `<` right before it
 * (text, as `a<<script>` reads) is written `&lt;` so that it cannot join
 * what follows into a new tag.
 */
function scriptRemoval(html: string, s: { start: number; end: number }): Edit {
  const end = html[s.end] === '\n' ? s.end + 1 : s.end
  return html[s.start - 1] === '<' ? { start: s.start - 1, end, text: '&lt;' } : { start: s.start, end, text: '' }
}

/** `tag` written again with the attributes `drop` does not match, each as the author wrote it. */
function rewriteTag(
  html: string,
  tag: ScannedTag,
  drop: (a: { name: string; value: string }) => boolean,
  head = '',
): string {
  const name = html.slice(tag.start + 1, tag.start + 1 + tag.name.length)
  const kept = tag.attrs.filter((a) => !drop(a)).map((a) => ` ${html.slice(a.start, a.end)}`)
  return `<${name}${head}${kept.join('')}${tag.selfClosing ? ' /' : ''}>`
}

/** The edits, none overlapping another, applied in one pass. */
function applyEdits(html: string, edits: Edit[]): string {
  if (!edits.length) return html
  edits.sort((a, b) => a.start - b.start)
  const parts: string[] = []
  let at = 0
  for (const e of edits) {
    if (e.start < at) continue // inside a script already cut out
    parts.push(html.slice(at, e.start), e.text)
    at = e.end
  }
  parts.push(html.slice(at))
  return parts.join('')
}

function reportScripts(
  scan: HtmlScan,
  html: string,
  isIndex: boolean,
  place: HtmlPlace,
  diagnostics: Diagnostic[],
): void {
  const first = scan.scripts[0]
  if (!first) return
  const tag = html.slice(first.start, html.indexOf('>', first.start) + 1 || first.start + 7)
  diagnostics.push(
    note({
      code: 'legacy/script-removed',
      message: !place.isBody
        ? 'Removed a <script> from this quiz item: quiz text allows no script.'
        : isIndex
          ? "Removed a <script> written for the old runtime; coursemark's own index behaviour replaces it (begin, continue, reset, and links to completed sections)."
          : 'Removed a <script>: course pages allow no inline script.',
      file: place.file,
      ...place.find(tag),
      hint:
        isIndex && place.isBody
          ? 'Delete the <script> from the page to silence this note.'
          : "Put behaviour in coursemark itself or leave it out; inline scripts are blocked by the pages' Content-Security-Policy.",
    }),
  )
}

function reportHandlers(unsafe: ScannedTag[], html: string, place: HtmlPlace, diagnostics: Diagnostic[]): void {
  const first = unsafe[0]
  if (!first) return
  const n = unsafe.length
  diagnostics.push(
    warning({
      code: 'legacy/handler-removed',
      message: `Removed ${n} inline event handler${n > 1 ? 's' : ''} (on…= attributes or javascript: URLs): course pages allow no inline script, so ${n > 1 ? 'they' : 'it'} could never run.`,
      file: place.file,
      ...place.find(html.slice(first.start, first.end)),
      hint: 'Remove the on…= attributes (and javascript: links) from the page.',
    }),
  )
}

/** Index only: its own Begin / Continue / Reset buttons drive coursemark's index behaviour. */
function connectIndexButtons(scan: HtmlScan, html: string, place: HtmlPlace, diagnostics: Diagnostic[]) {
  const actions = new Set<IndexAction>()
  const buttons: ScannedTag[] = []
  const edits: Edit[] = []
  for (const { tag, label } of scan.buttons) {
    const action = actionOf(tag, label)
    if (!action || actions.has(action)) continue
    actions.add(action)
    buttons.push(tag)
    const drop = (a: { name: string; value: string }) => isUnsafe(a) || a.name === 'hidden' || a.name === 'type'
    edits.push({
      start: tag.start,
      end: tag.end,
      text: rewriteTag(html, tag, drop, ` type="button" data-cm-action="${action}"`),
    })
  }
  if (actions.size) {
    diagnostics.push(
      note({
        code: 'legacy/index-buttons',
        message: `Connected the index's own ${[...actions].map((a) => `"${a}"`).join(', ')} button${actions.size > 1 ? 's' : ''} to coursemark's index behaviour, replacing their onclick handlers.`,
        file: place.file,
        ...place.find(html.slice(buttons[0]!.start, buttons[0]!.end)),
      }),
    )
  }
  return { actions, buttons, edits }
}

function actionOf(tag: ScannedTag, label: string): IndexAction | null {
  const text = label.replace(/\s+/g, ' ').trim().toLowerCase()
  const named = /^(begin|continue|reset)( the course)?$/.exec(text)
  if (named) return named[1] as IndexAction
  const id = tag.attrs.find((a) => a.name === 'id')?.value.toLowerCase()
  return id === 'begin' || id === 'continue' || id === 'reset' ? id : null
}

/** What swallowing the rest of the page means for each thing left open. */
function unclosed(open: OpenAtEnd, html: string, place: HtmlPlace): Diagnostic {
  const where = place.isBody ? 'the rest of the page, the quiz and the footer included,' : 'the rest of the quiz'
  const text =
    open.kind === 'comment'
      ? {
          message: `This comment is never closed, so ${where} would be hidden in it.`,
          hint: 'Close it with `-->`, or take out the `<!--`.',
        }
      : open.kind === 'tag'
        ? {
            message: `This tag is never closed with \`>\`, so ${where} would be read as part of it.`,
            hint: 'End the tag with `>`.',
          }
        : open.name === 'plaintext'
          ? {
              message: `\`<plaintext>\` can never be closed: ${where} would show as raw text.`,
              hint: 'Take it out; to show text as it is, use a code block (``` lines around it).',
            }
          : {
              message: `\`<${open.name}>\` is never closed, so ${where} would end up inside it.`,
              hint: `Close it with \`</${open.name}>\`${open.name === 'script' ? ', written exactly so' : ''}.`,
            }
  const needle = html.slice(open.start, Math.max(html.indexOf('>', open.start) + 1, open.start + 4))
  return error({ code: 'html/unclosed', ...text, file: place.file, ...place.find(needle) })
}

function quizSwallowed(count: number, place: HtmlPlace): Diagnostic {
  return error({
    code: 'html/quiz-swallowed',
    message:
      count === 0
        ? "The page's raw HTML swallows the quiz: an element or comment opened before it is closed only after it."
        : '`data-cm-quiz` is coursemark’s own attribute; the page may not write one.',
    file: place.file,
    ...place.find(count === 0 ? '<' : 'data-cm-quiz'),
    hint:
      count === 0
        ? 'Close every element and comment of your HTML before the quiz paragraph.'
        : 'Remove the data-cm-quiz attribute.',
  })
}
