/**
 * On the course index, blocks that stand for a course page (the reference
 * index's Liquid loop gives each heading `data-serial` and `data-url`) get
 * `data-cm-link="<page id>"`, which the runtime turns into a link once the
 * learner may open that page.
 */
import type { MarkdownIt } from 'markdown-it'
import type { StateCore } from 'markdown-it'
import type { RenderEnv } from '../render-env.ts'

export function indexOutlinePlugin(md: MarkdownIt): void {
  md.core.ruler.after('quiz', 'index_outline', markOutline)
}

function markOutline(state: StateCore): void {
  const env = state.env as unknown as RenderEnv
  if (state.inlineMode || env.page.front.kind !== 'index') return
  for (const t of state.tokens) {
    if (t.nesting !== 1 || !t.attrs) continue
    const serial = attr(t.attrGet('data-serial'))
    const url = attr(t.attrGet('data-url'))
    if (serial === null && url === null) continue
    const page =
      (serial !== null && /^\d+$/.test(serial) ? env.course.pageBySerial.get(Number(serial)) : undefined) ??
      (url !== null ? env.course.pageByUrl.get(url) : undefined)
    if (page) t.attrSet('data-cm-link', page.id)
  }
}

function attr(v: string | number | null): string | null {
  return v === null ? null : String(v)
}
