/**
 * Reduces HTML to its block structure for comparison with kramdown's output:
 * one entry per block element with its tag, id, classes, data-* attributes
 * and whitespace-normalised text. Attribute order and whitespace between
 * tags do not matter, as the corpus README asks.
 */
import { parseDocument, DomUtils } from 'htmlparser2'
import type { Element } from 'domhandler'

export interface Block {
  tag: string
  attrs: Record<string, string>
  text: string
}

const BLOCKS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'table',
  'hr',
  'style',
  'dl',
])

export function htmlBlocks(html: string): Block[] {
  const doc = parseDocument(html)
  const out: Block[] = []
  for (const el of DomUtils.findAll((e) => BLOCKS.has(e.name), doc.children)) {
    const attrs: Record<string, string> = {}
    for (const [k, v] of Object.entries((el as Element).attribs)) {
      if (k === 'id' || k === 'class' || k.startsWith('data-')) attrs[k] = v
    }
    out.push({ tag: el.name, attrs, text: DomUtils.textContent(el).replace(/\s+/g, ' ').trim() })
  }
  return out
}

/** The visible text of a document body: what a reader sees (no script, style or template). */
export function visibleText(html: string): string {
  const doc = parseDocument(html)
  const body = DomUtils.findOne((e) => e.name === 'body', doc.children) ?? doc
  const parts: string[] = []
  const walk = (nodes: typeof doc.children) => {
    for (const n of nodes) {
      if (n.type === 'text') parts.push((n as unknown as { data: string }).data)
      else if ('name' in n && ['script', 'style', 'template', 'noscript'].includes((n as Element).name)) continue
      else if ('children' in n) walk((n as Element).children as typeof doc.children)
    }
  }
  walk('children' in body ? (body.children as typeof doc.children) : [])
  return parts.join(' ')
}
