/**
 * Finds a page's quiz: the paragraph carrying `data-n` and the bank, the first
 * list after it.
 *
 *     Mark each statement True or False:     ← paragraph, kept as the quiz intro
 *     {: data-n="6" data-opt="Yes,No"}
 *
 *     - U3RhdGVtZW50L1kvV2h5Lg==             ← bank: taken out of the page
 *     - The sky is green.                    ← an item may also be readable,
 *       - No: It is blue.                       with its answer as a sub-item
 *
 * The paragraph and any blocks between it and the bank are wrapped in
 * `cm_quiz_open` / `cm_quiz_close` tokens, which render the
 * `<section class="cm-quiz">`, which holds the bank as hidden radio groups
 * (`quizBody`). The bank items go
 * to `env.quiz` as raw text; decoding and validation are the model's job.
 * Runs before inline parsing, so bank items are never parsed as Markdown.
 */
import type { MarkdownIt } from 'markdown-it'
import type { StateCore } from 'markdown-it'
import type { Token } from 'markdown-it'
import { error } from '../../diagnostics/diagnostic.ts'
import { messageHtml } from '../../messages/format-message.ts'
import { declaresNoQuiz } from '../../model/quiz-bank.ts'
import type { BankLine, RawBankItem } from '../../model/types.ts'
import { escapeHtml, escapeSingleQuoted } from '../escape.ts'
import type { RenderEnv } from '../render-env.ts'

export function quizPlugin(md: MarkdownIt): void {
  md.core.ruler.after('attr_list_attach', 'quiz', findQuiz)
  md.renderer.rules['cm_quiz_open'] = (_tokens, _idx, _options, env: RenderEnv) =>
    `<section class="cm-quiz" aria-labelledby="cm-quiz-title" data-cm-quiz='${escapeSingleQuoted(env.quizView?.json ?? '')}'>\n<h2 id="cm-quiz-title">${messageHtml(env.ui, 'quiz.title')}</h2>\n`
  md.renderer.rules['cm_quiz_close'] = (_tokens, _idx, _options, env: RenderEnv) =>
    `<p class="cm-needs-js">${messageHtml(env.ui, 'quiz.needsJs')}</p>\n${quizBody(env)}</section>\n`
}

/**
 * The whole bank as hidden radio groups, one per statement, and the Score
 * button: the draw script after the quiz (layout.ts) moves the learner's
 * draw into order and unhides it before the page is first laid out, and the
 * runtime wires it. Each statement's `<li>` is named after its bank position
 * (`cm-b3`), which never changes, so a retry can draw again from the same
 * markup; the runtime adds each statement's result when it is scored.
 * `hidden` needs no stylesheet: without JavaScript nothing shows.
 */
function quizBody(env: RenderEnv): string {
  const view = env.quizView
  if (!view) return `<div class="cm-quiz-body" hidden></div>\n`
  const [yes, no] = view.options.map(escapeHtml) as [string, string]
  const items = view.statements.map(
    (html, b) =>
      `<li id="cm-b${b}" hidden><fieldset class="cm-q"><legend>${html}</legend><div><label><input type="radio" name="cm-b${b}" value="0"> ${yes}</label><label><input type="radio" name="cm-b${b}" value="1"> ${no}</label></div></fieldset></li>`,
  )
  return `<div class="cm-quiz-body" hidden>
<ol class="cm-q-list">
${items.join('\n')}
</ol>
<div class="cm-quiz-actions"><button type="button" class="cm-score" aria-disabled="true" aria-describedby="cm-score-hint">${messageHtml(env.ui, 'quiz.score')}</button> <p class="cm-score-hint" id="cm-score-hint"></p></div>
<p class="cm-quiz-status" role="status" tabindex="-1"></p>
</div>
`
}

function findQuiz(state: StateCore): void {
  if (state.inlineMode) return
  const env = state.env as unknown as RenderEnv
  const tokens = state.tokens
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    if (t.nesting !== 1) continue
    const nAttr = t.attrGet('data-n')
    if (nAttr === null) continue
    const n = String(nAttr)
    const meta = (t.meta ?? {}) as { attrLine?: number; attrColumn?: number }
    const source = { file: env.file, line: env.line(meta.attrLine ?? t.map![0]), column: (meta.attrColumn ?? 0) + 1 }
    const report = (code: string, message: string, hint: string) =>
      env.diagnostics.push(error({ code, message, ...source, hint }))
    if (env.page.front.kind === 'index') {
      report('quiz/on-index', 'The course index cannot have a quiz.', 'Move the quiz to a section.')
      continue
    }
    if (env.quiz) {
      report(
        'quiz/second-quiz',
        'A page can have one quiz, and this page already has one.',
        'Move this quiz to a section of its own.',
      )
      continue
    }
    if (t.type !== 'paragraph_open') {
      report(
        'quiz/not-paragraph',
        'data-n belongs on the paragraph that introduces the quiz.',
        'Put `{: data-n="6"}` on the line right after a paragraph such as "Mark each statement True or False:".',
      )
      continue
    }
    const opt = t.attrGet('data-opt')
    const decl = { n, opt: opt === null ? null : String(opt), source }
    if (declaresNoQuiz(n)) {
      env.quiz = { decl, items: null }
      continue
    }
    // The section holds the paragraph and whatever comes before the bank
    // (often the chat line the statements are about).
    let end = closerOf(tokens, i)
    const list = nextList(tokens, end + 1, t.level)
    if (list < 0) {
      env.quiz = { decl, items: null }
    } else {
      const listClose = closerOf(tokens, list)
      env.quiz = { decl, items: bankItems(tokens, list, listClose, state.src, env) }
      tokens.splice(list, listClose - list + 1)
      end = list - 1
    }
    const open = new state.Token('cm_quiz_open', 'section', 1)
    const shut = new state.Token('cm_quiz_close', 'section', -1)
    open.block = shut.block = true
    tokens.splice(end + 1, 0, shut)
    tokens.splice(i, 0, open)
    i = end + 2
  }
}

/** Index of the first list opening after `from` at `level`, or -1 when the container ends first. */
function nextList(tokens: Token[], from: number, level: number): number {
  for (let j = from; j < tokens.length; j++) {
    const t = tokens[j]!
    if (t.level < level) return -1
    if (t.level === level && (t.type === 'bullet_list_open' || t.type === 'ordered_list_open')) return j
  }
  return -1
}

function closerOf(tokens: Token[], open: number): number {
  let depth = 0
  for (let j = open; j < tokens.length; j++) {
    depth += tokens[j]!.nesting
    if (depth === 0) return j
  }
  return tokens.length - 1
}

/** The raw text and lines of each item of the list between `open` and `close`, marker and indent removed. */
function bankItems(tokens: Token[], open: number, close: number, src: string, env: RenderEnv): RawBankItem[] {
  const lines = src.split('\n')
  const items: RawBankItem[] = []
  const itemLevel = tokens[open]!.level + 1
  for (let j = open + 1; j < close; j++) {
    const t = tokens[j]!
    if (t.type !== 'list_item_open' || t.level !== itemLevel) continue
    const [start, end] = t.map!
    const first = lines[start] ?? ''
    const marker = /^[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]*/.exec(first)?.[0] ?? ''
    const indent = marker.length
    const body: BankLine[] = [{ text: first.slice(indent), line: env.line(start), column: indent + 1 }]
    for (let k = start + 1; k < end; k++) {
      const line = lines[k] ?? ''
      const strip = Math.min(indent, line.length - line.trimStart().length)
      body.push({ text: line.slice(strip), line: env.line(k), column: strip + 1 })
    }
    while (body.length > 1 && !body[body.length - 1]!.text.trim()) body.pop()
    items.push({
      text: body
        .map((l) => l.text)
        .join('\n')
        .trim(),
      source: { file: env.file, line: env.line(start), column: indent + 1 },
      lines: body,
    })
  }
  return items
}
