/**
 * An HTML block that never ends. CommonMark ends a block opened by
 * `<script`, `<pre`, `<style` or `<textarea` only at a line holding the end
 * tag written exactly (`</script>`), and one opened by `<?` or `<![CDATA[`
 * only at `?>` or `]]>`; without it, the block runs to the end of its
 * container, and every line after it is taken as raw HTML:
 *
 *     <script >x</script >     ← the browser's end tag, not Markdown's
 *     Quiz:                    ← raw text now, as is the bank below
 *
 * Where the tokenizer (html-scan.ts) will also find the element left open
 * (no end tag at all, or `<!--`), this rule leaves the report to it.
 */
import type { MarkdownIt, StateCore } from 'markdown-it'
import { error } from '../../diagnostics/diagnostic.ts'
import type { RenderEnv } from '../render-env.ts'

/** The openers whose blocks run to an end marker, and the markers (markdown-it's html_block sequences 1, 3 and 5). */
const SEQUENCES: [open: RegExp, close: RegExp, endTag: (opened: string) => string][] = [
  [
    /^<(script|pre|style|textarea)(?=(\s|>|$))/i,
    /<\/(script|pre|style|textarea)>/i,
    (o) => `</${o.slice(1).toLowerCase()}>`,
  ],
  [/^<[?]/, /\?>/, () => '?>'],
  [/^<!\[CDATA\[/, /\]\]>/, () => ']]>'],
]

export function htmlBlockEndPlugin(md: MarkdownIt): void {
  md.core.ruler.after('block', 'html_block_end', findEndlessBlocks)
}

function findEndlessBlocks(state: StateCore): void {
  const env = state.env as unknown as RenderEnv
  for (const t of state.tokens) {
    if (t.type !== 'html_block' || !t.map) continue
    const content = t.content.trimStart()
    for (const [open, close, endTag] of SEQUENCES) {
      const opened = open.exec(content)?.[0]
      if (!opened || close.test(content) || leftToTokenizer(opened, content)) continue
      const end = endTag(opened)
      // Its lines are reported here, not again as text (rules/leftovers.ts).
      t.meta = { ...(t.meta as object | null), endless: true }
      env.leftovers++
      env.diagnostics.push(
        error({
          code: 'html/unclosed-block',
          message: `This HTML block never ends: Markdown ends a block that starts with \`${opened}\` only at a line holding \`${end}\`, so the ${t.map[1] - t.map[0] - 1} lines after this one are read as raw HTML, not Markdown.`,
          file: env.file,
          line: env.line(t.map[0]),
          column: t.content.length - content.length + 1,
          hint: `Write \`${end}\` exactly so${end.startsWith('</') ? ', at the end of the block' : ''}.`,
        }),
      )
    }
  }
}

/** True when the browser too would leave the element open (no end tag at all): html-scan.ts reports that. */
function leftToTokenizer(opened: string, content: string): boolean {
  const name = opened.slice(1).toLowerCase()
  if (!['script', 'style', 'textarea'].includes(name))
    return opened.startsWith('<?') || opened.startsWith('<![') ? !content.includes('>', opened.length) : false
  return !new RegExp(`</${name}[\\s/>]`, 'i').test(content)
}
