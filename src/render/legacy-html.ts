/**
 * Raw HTML written for the old jQuery runtime cannot run here: the pages'
 * Content-Security-Policy allows no inline script, and the functions it calls
 * do not exist. Rather than ship a page that throws, the build takes such code
 * out and says so:
 *
 * - `<script>` elements are removed;
 * - `on…=` handler attributes are removed;
 * - on the index, buttons named "Begin / Continue / Reset the course" (or with
 *   those ids) get `data-cm-action`, so coursemark's own index behaviour
 *   drives them.
 *
 * Works on the rendered HTML: Markdown escapes `<` in text and code, so every
 * `<script` or tag left in it was written as raw HTML by the author.
 */
import { note, warning, type Diagnostic } from '../diagnostics/diagnostic.ts'

export type IndexAction = 'begin' | 'continue' | 'reset'

export interface LegacyResult {
  html: string
  /** Which index actions the page's own buttons now provide. */
  actions: Set<IndexAction>
}

const SCRIPT = /<script\b[^>]*>[\s\S]*?<\/script\s*>\n?/gi
const TAG = /<([a-z][a-z0-9-]*)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi
const HANDLER = /\s+on[a-z]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/gi
const BUTTON = /<button\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/button>/gi

/**
 * Cleans `html`, the rendered body of the page at `file`. `source` is the
 * page's Markdown and `sourceLine` the file line it starts on, used to point
 * the notes at the author's lines.
 */
export function replaceLegacyHtml(
  html: string,
  isIndex: boolean,
  file: string,
  source: string,
  sourceLine: number,
  diagnostics: Diagnostic[],
): LegacyResult {
  if (!/<script\b|\son[a-z]+\s*=|<button\b/i.test(html)) return { html, actions: new Set() }
  const place: Place = {
    file,
    lineOf: (pattern) => {
      const m = pattern.exec(source)
      return m ? sourceLine + source.slice(0, m.index).split('\n').length - 1 : 0
    },
  }
  const scriptless = removeScripts(html, isIndex, place, diagnostics)
  const index = isIndex
    ? connectIndexButtons(scriptless, place, diagnostics)
    : { html: scriptless, actions: new Set<IndexAction>() }
  return { html: removeHandlers(index.html, place, diagnostics), actions: index.actions }
}

/** Where the notes point: the page's file, and the file line of the first match of a pattern in its Markdown. */
interface Place {
  file: string
  lineOf: (pattern: RegExp) => number
}

/** Job 1: every `<script>` goes. */
function removeScripts(html: string, isIndex: boolean, place: Place, diagnostics: Diagnostic[]): string {
  if (!SCRIPT.test(html)) return html
  SCRIPT.lastIndex = 0
  const { file, lineOf } = place
  diagnostics.push(
    note({
      code: 'legacy/script-removed',
      message: isIndex
        ? "Removed a <script> written for the old runtime; coursemark's own index behaviour replaces it (begin, continue, reset, and links to completed sections)."
        : 'Removed a <script>: course pages allow no inline script.',
      file,
      line: lineOf(/<script\b/i),
      column: 1,
      hint: isIndex
        ? 'Delete the <script> from the page to silence this note.'
        : "Put behaviour in coursemark itself or leave it out; inline scripts are blocked by the pages' Content-Security-Policy.",
    }),
  )
  return html.replace(SCRIPT, '')
}

/** Job 2, on the index: its own Begin / Continue / Reset buttons drive coursemark's index behaviour. */
function connectIndexButtons(html: string, place: Place, diagnostics: Diagnostic[]): LegacyResult {
  const actions = new Set<IndexAction>()
  const { file, lineOf } = place
  const out = html.replace(BUTTON, (whole, attrs: string, label: string) => {
    const action = actionOf(attrs, label)
    if (!action || actions.has(action)) return whole
    actions.add(action)
    const kept = attrs
      .replace(HANDLER, '')
      .replace(/\s+hidden(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?/i, '')
      .replace(/\s+type\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/i, '')
    return `<button type="button" data-cm-action="${action}"${kept}>${label}</button>`
  })
  if (actions.size) {
    diagnostics.push(
      note({
        code: 'legacy/index-buttons',
        message: `Connected the index's own ${[...actions].map((a) => `"${a}"`).join(', ')} button${actions.size > 1 ? 's' : ''} to coursemark's index behaviour, replacing their onclick handlers.`,
        file,
        line: lineOf(/<button\b/i),
        column: 1,
      }),
    )
  }
  return { html: out, actions }
}

/** Job 3: every `on…=` handler attribute goes. */
function removeHandlers(html: string, place: Place, diagnostics: Diagnostic[]): string {
  const { file, lineOf } = place
  let removed = 0
  const out = html.replace(TAG, (tag: string) => {
    if (!HANDLER.test(tag)) return tag
    HANDLER.lastIndex = 0
    removed++
    return tag.replace(HANDLER, '')
  })
  if (removed) {
    diagnostics.push(
      warning({
        code: 'legacy/handler-removed',
        message: `Removed ${removed} inline event handler${removed > 1 ? 's' : ''} (on…= attributes): course pages allow no inline script, so ${removed > 1 ? 'they' : 'it'} could never run.`,
        file,
        line: lineOf(/\son[a-z]+\s*=/i),
        column: 1,
        hint: 'Remove the on…= attributes from the page.',
      }),
    )
  }
  return out
}

function actionOf(attrs: string, label: string): IndexAction | null {
  const text = label
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
  const named = /^(begin|continue|reset)( the course)?$/.exec(text)
  if (named) return named[1] as IndexAction
  const id = /\bid\s*=\s*["']?(begin|continue|reset)["'\s>]/i.exec(`${attrs}>`)
  return id ? (id[1]!.toLowerCase() as IndexAction) : null
}
