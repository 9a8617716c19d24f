/**
 * kramdown block attribute lists for markdown-it: a line `{: … }` right after
 * a block gives that block ids, classes and attributes, and never shows as
 * text.
 *
 *     A line of chat.        ← paragraph
 *     {: .conv}              ← attaches class="conv" to it
 *
 * Two rules: a block rule that turns the line into an `attr_list` token (it
 * also ends a paragraph or list that would otherwise swallow the line), and a
 * core rule that moves the attributes onto the block and drops the token.
 */
import type { MarkdownIt } from 'markdown-it'
import type { StateBlock } from 'markdown-it'
import type { StateCore } from 'markdown-it'
import type { Token } from 'markdown-it'
import { error, warning } from '../../diagnostics/diagnostic.ts'
import { ATTR_LIST_LINE, parseAttrList } from '../../load/attr-list.ts'
import type { RenderEnv } from '../render-env.ts'

export function attrListPlugin(md: MarkdownIt): void {
  md.block.ruler.before('table', 'attr_list', attrListBlock, { alt: ['paragraph', 'reference', 'blockquote', 'list'] })
  md.core.ruler.after('block', 'attr_list_attach', attachAttrLists)
}

function attrListBlock(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  // Four spaces of indent make a code block, not an attribute list.
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false
  const lineStart = state.bMarks[startLine]! + state.tShift[startLine]!
  if (state.src.charCodeAt(lineStart) !== 0x7b /* { */ || state.src.charCodeAt(lineStart + 1) !== 0x3a /* : */)
    return false
  const line = state.src.slice(state.bMarks[startLine], state.eMarks[startLine])
  const m = ATTR_LIST_LINE.exec(line)
  if (silent) return true
  // A line that starts like an attribute list but never closes is one too:
  // taken out of the page and reported, not shown as text.
  const token = state.push('attr_list', '', 0)
  token.map = [startLine, startLine + 1]
  token.content = m ? m[1]! : line.slice(line.indexOf('{:') + 2)
  token.block = true
  // 0-based column where the list's content starts, just after `{:`.
  token.meta = { contentColumn: line.indexOf('{:') + 2, unclosed: !m }
  state.line = startLine + 1
  return true
}

function attachAttrLists(state: StateCore): void {
  const tokens = state.tokens
  const env = state.env as unknown as RenderEnv
  let found = false
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    if (t.type !== 'attr_list') continue
    found = true
    const mdLine = t.map![0]
    const { contentColumn: column0, unclosed } = t.meta as { contentColumn: number; unclosed: boolean }
    if (unclosed) {
      env.diagnostics.push(
        error({
          code: 'attr-list/unclosed',
          message: 'This attribute list is never closed, so it would show as text.',
          file: env.file,
          line: env.line(mdLine),
          column: column0 - 1,
          hint: 'End it with `}` on the same line, as in `{: .conv}`; to show `{:` as text, write `\\{:`.',
        }),
      )
      continue
    }
    const { list, problems } = parseAttrList(t.content)
    for (const p of problems) {
      env.diagnostics.push(
        error({
          code: 'attr-list/invalid',
          message: `This attribute list does not parse: ${p.message}`,
          file: env.file,
          line: env.line(mdLine),
          column: column0 + p.offset + 1,
          hint: p.hint,
        }),
      )
    }
    const target = targetOf(tokens, i)
    if (!target) {
      env.diagnostics.push(
        error({
          code: 'attr-list/orphan',
          message: `The attribute list {:${t.content}} has nothing to attach to.`,
          file: env.file,
          line: env.line(mdLine),
          column: column0 - 1,
          hint: 'Put it on the line right after the paragraph, list or heading it belongs to, with no blank line between.',
        }),
      )
      continue
    }
    if (list.id !== null) target.attrSet('id', list.id)
    for (const c of list.classes) target.attrJoin('class', c)
    for (const [name, value] of list.attrs) {
      const column = column0 + t.content.indexOf(name) + 1
      if (isHandler(name)) handlerRemoved(env, mdLine, column)
      else if (/^data-cm-/i.test(name)) ownAttribute(env, mdLine, column, name)
      else target.attrSet(name, value)
    }
    target.meta = { ...(target.meta as object | null), attrLine: mdLine, attrColumn: column0 }
  }
  if (found) state.tokens = tokens.filter((t) => t.type !== 'attr_list')
}

/**
 * The block an attribute list at `i` belongs to: the block that ends on the
 * line just above it, or else (kramdown's other form) the block that starts
 * on the line just below it.
 */
function targetOf(tokens: Token[], i: number): Token | null {
  const t = tokens[i]!
  const line = t.map![0]
  const prev = tokens[i - 1]
  if (prev && prev.level === t.level) {
    const open = prev.nesting === -1 ? openerOf(tokens, i - 1) : prev.nesting === 0 && prev.block ? prev : null
    if (open?.map && open.map[1] === line && open.type !== 'attr_list') return open
  }
  const next = tokens[i + 1]
  if (
    next &&
    next.level === t.level &&
    next.nesting !== -1 &&
    next.map &&
    next.map[0] === line + 1 &&
    next.type !== 'attr_list'
  )
    return next
  return null
}

function openerOf(tokens: Token[], close: number): Token | null {
  let depth = 0
  for (let j = close; j >= 0; j--) {
    const t = tokens[j]!
    depth += t.nesting
    if (depth === 0) return t
  }
  return null
}

/** `onclick` and every other `on…` attribute is script, which pages may not hold (their CSP would block it anyway). */
function isHandler(name: string): boolean {
  return /^on/i.test(name)
}

function handlerRemoved(env: RenderEnv, mdLine: number, column: number): void {
  env.diagnostics.push(
    warning({
      code: 'legacy/handler-removed',
      message:
        'Removed an inline event handler (an on…= attribute): course pages allow no inline script, so it could never run.',
      file: env.file,
      line: env.line(mdLine),
      column,
      hint: 'Remove the on…= attribute from the attribute list.',
    }),
  )
}

/** `data-cm-…` attributes are the page's contract with the runtime (docs/page-contract.md): a page may not write them. */
function ownAttribute(env: RenderEnv, mdLine: number, column: number, name: string): void {
  env.diagnostics.push(
    error({
      code: 'attr-list/reserved',
      message: `\`${name}\` is coursemark’s own attribute, which the runtime reads; a page may not set it.`,
      file: env.file,
      line: env.line(mdLine),
      column,
      hint: 'Remove it, or use another name such as `data-x`.',
    }),
  )
}
