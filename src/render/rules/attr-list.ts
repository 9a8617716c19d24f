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
import { error } from '../../diagnostics/diagnostic.ts'
import { ATTR_LIST_LINE, parseAttrList } from '../../load/attr-list.ts'
import type { RenderEnv } from '../render-env.ts'

export function attrListPlugin(md: MarkdownIt): void {
  md.block.ruler.before('table', 'attr_list', attrListBlock, { alt: ['paragraph', 'reference', 'blockquote', 'list'] })
  md.core.ruler.after('block', 'attr_list_attach', attachAttrLists)
}

function attrListBlock(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  // Four spaces of indent make a code block, not an attribute list.
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false
  const lineStart = state.bMarks[startLine]!
  const line = state.src.slice(lineStart, state.eMarks[startLine])
  const m = ATTR_LIST_LINE.exec(line)
  if (!m) return false
  if (silent) return true
  const token = state.push('attr_list', '', 0)
  token.map = [startLine, startLine + 1]
  token.content = m[1]!
  token.block = true
  // 0-based column where the list's content starts, just after `{:`.
  token.meta = { contentColumn: line.indexOf('{:') + 2 }
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
    const column0 = (t.meta as { contentColumn: number }).contentColumn
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
    for (const [name, value] of list.attrs) target.attrSet(name, value)
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
