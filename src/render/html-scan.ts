/**
 * The author's raw HTML as a browser reads it: tokenized by parse5's
 * tokenizer, with its parser-feedback simulator switching states as the
 * tree builder would (a `<textarea>`'s text, a `<script>`'s, SVG's foreign
 * content), via parse5-sax-parser. Regular expressions cannot read HTML
 * the way a browser does: `<scr<script></script>ipt>` or `</script foo>`
 * slipped past them, and some shapes took quadratic time. One pass here is
 * linear in the length of the page.
 *
 * parse5 rather than htmlparser2: parse5 is the spec's tokenizer (htmlparser2
 * is lenient and knows neither foreign content nor every raw-text element),
 * and what matters here is to see exactly what the browser will. It is
 * loaded only for pages that hold raw HTML (`loadHtmlScanner`).
 *
 * The scan only reports; legacy-html.ts decides what to change.
 */
import type { EndTag, SAXParser, StartTag, Text } from 'parse5-sax-parser'

/** A start tag as written: where it is, and its attributes with where each is. */
export interface ScannedTag {
  /** Lower-case tag name (as the tokenizer reads it). */
  name: string
  /** Offsets of `<` and just past `>`. */
  start: number
  end: number
  attrs: ScannedAttr[]
  selfClosing: boolean
}

export interface ScannedAttr {
  /** Lower-case name, value with character references decoded. */
  name: string
  value: string
  /** Offsets of the attribute's source text (`name="value"`). */
  start: number
  end: number
}

/** What the end of the HTML leaves open, which would swallow whatever the page puts after it. */
export interface OpenAtEnd {
  /** `element`: an element whose text is not parsed (`<textarea>`), or one that hides or holds what follows (`<template>`); `comment`: `<!--` never closed; `tag`: a tag never closed with `>`. */
  kind: 'element' | 'comment' | 'tag'
  /** The element's name; `!--` for a comment, the tag's name for a tag. */
  name: string
  /** Offset where it starts. */
  start: number
}

export interface HtmlScan {
  /** `<script>` elements, start tag to end tag, in order (to the end of the HTML when never closed). */
  scripts: { start: number; end: number }[]
  /** Start tags with an `on…` handler or a `javascript:` URL, outside scripts. */
  unsafe: ScannedTag[]
  /** `<button>` elements and their text, when asked for. */
  buttons: { tag: ScannedTag; label: string }[]
  /** The text of each `<style>` element, and each `style` attribute's value, outside scripts, in order. */
  styleElements: string[]
  styleAttributes: string[]
  /** How many start tags carry `data-cm-quiz` (the quiz section is one). */
  quizSections: number
  /** What the end leaves open, or null. */
  openAtEnd: OpenAtEnd | null
}

type ScannerClass = new (options: {
  sourceCodeLocationInfo: boolean
}) => SAXParser & {
  scan(html: string): void
  /** True while the tokenizer is in SVG or MathML content. */
  readonly foreign: boolean
}

let Scanner: ScannerClass | null = null

/** Loads the tokenizer once; call before `scanHtml`. */
export async function loadHtmlScanner(): Promise<void> {
  if (Scanner) return
  const { SAXParser } = await import('parse5-sax-parser')
  Scanner = class extends SAXParser {
    scan(html: string): void {
      this.tokenizer.write(html, true)
    }
    get foreign(): boolean {
      return (this.parserFeedbackSimulator as unknown as { inForeignContent: boolean }).inForeignContent
    }
  }
}

/** Elements whose content the browser does not parse as HTML: left open, they swallow the rest of the page. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript'])
/** Elements that, left open, hide, disable or capture what follows (the quiz, the page's own buttons). */
const CAPTURING = new Set([
  'a',
  'audio',
  'button',
  'canvas',
  'datalist',
  'details',
  'dialog',
  'fieldset',
  'form',
  'object',
  'select',
  'template',
  'video',
])

/**
 * Follows `html` with a tag and checks that the tag is read as a tag: what
 * the layout puts after the body (`<div class="cm-next">`, `</main>`) must
 * not end up inside a comment, an attribute or a `<textarea>`.
 */
const SENTINEL = '\n<cm-end>'

/** Where a tag can start: `<` and a letter, `/`, `!` or `?` (a `<` before anything else is text). */
const TAG_START = /<[A-Za-z/!?]/g

/** Scans `html`; `withButtons` also collects `<button>` elements. */
export function scanHtml(html: string, withButtons = false): HtmlScan {
  if (!Scanner) throw new Error('scanHtml called before loadHtmlScanner')
  const scan: HtmlScan = {
    scripts: [],
    unsafe: [],
    buttons: [],
    styleElements: [],
    styleAttributes: [],
    quizSections: 0,
    openAtEnd: null,
  }
  const state = new ScanState(html.length, scan, withButtons)
  const parser = new Scanner({ sourceCodeLocationInfo: true })
  parser.on('startTag', (t: StartTag) => state.startTag(t, parser.foreign))
  parser.on('endTag', (t: EndTag) => state.endTag(t, parser.foreign))
  parser.on('text', (t: Text) => state.text(t))
  parser.on('comment', (c: { sourceCodeLocation?: { startOffset: number; endOffset: number } | null }) =>
    state.comment(c.sourceCodeLocation?.startOffset ?? 0, c.sourceCodeLocation?.endOffset ?? 0),
  )
  parser.scan(html + SENTINEL)
  scan.openAtEnd = state.end(html)
  return scan
}

/** What the scan keeps track of between tokens. */
class ScanState {
  private script: { start: number; foreign: boolean } | null = null
  private raw: { name: string; start: number } | null = null
  private style: string[] | null = null
  private button: { tag: ScannedTag; label: string } | null = null
  private readonly open = new Map<string, number[]>()
  private sentinelSeen = false
  /** Where the last token ended, and the last comment's start, to place what the end leaves open. */
  private lastEnd = 0
  private lastComment: { start: number; end: number } | null = null
  private unclosedTag: OpenAtEnd | null = null

  constructor(
    private readonly length: number,
    private readonly scan: HtmlScan,
    private readonly withButtons: boolean,
  ) {}

  startTag(t: StartTag, foreign: boolean): void {
    const loc = t.sourceCodeLocation!
    if (loc.startOffset >= this.length) {
      this.sentinelSeen ||= loc.startOffset === this.length + 1 && t.tagName === 'cm-end'
      return
    }
    if (this.swallows(t.tagName, loc)) return
    if (this.script) return
    const tag = scannedTag(t)
    if (tag.name === 'script') {
      if (foreign && tag.selfClosing) this.scan.scripts.push({ start: tag.start, end: tag.end })
      else this.script = { start: tag.start, foreign }
      return
    }
    this.attributes(tag)
    if (tag.name === 'style') this.style = []
    if (foreign) return
    if (RAW_TEXT.has(tag.name) || tag.name === 'plaintext') this.raw = { name: tag.name, start: tag.start }
    if (CAPTURING.has(tag.name)) this.opened(tag)
    if (tag.name === 'button' && this.withButtons) this.button = { tag, label: '' }
  }

  private attributes(tag: ScannedTag): void {
    if (tag.attrs.some(isUnsafe)) this.scan.unsafe.push(tag)
    for (const a of tag.attrs) {
      if (a.name === 'style') this.scan.styleAttributes.push(a.value)
      else if (a.name === 'data-cm-quiz') this.scan.quizSections++
    }
  }

  /** True for a tag that runs on into the sentinel: a tag never closed with `>`. */
  private swallows(name: string, loc: { startOffset: number; endOffset: number }): boolean {
    this.lastEnd = loc.endOffset
    if (loc.endOffset <= this.length) return false
    this.unclosedTag = { kind: 'tag', name, start: loc.startOffset }
    return true
  }

  private opened(tag: ScannedTag): void {
    const starts = this.open.get(tag.name) ?? []
    starts.push(tag.start)
    this.open.set(tag.name, starts)
  }

  endTag(t: EndTag, foreign: boolean): void {
    const loc = t.sourceCodeLocation!
    if (loc.startOffset >= this.length || this.swallows(`/${t.tagName}`, loc)) return
    const name = t.tagName
    if (this.script) {
      if (name === 'script') {
        this.scan.scripts.push({ start: this.script.start, end: loc.endOffset })
        this.script = null
        this.raw = null
      }
      return
    }
    if (this.raw?.name === name) this.raw = null
    if (name === 'style' && this.style) {
      this.scan.styleElements.push(this.style.join(''))
      this.style = null
    }
    if (!foreign) this.open.get(name)?.pop()
    if (name === 'button' && this.button) {
      this.scan.buttons.push(this.button)
      this.button = null
    }
  }

  text(t: Text): void {
    const start = t.sourceCodeLocation?.startOffset ?? 0
    if (start >= this.length) return
    // A text's end offset may run on to where the tokenizer stopped; its start is exact.
    this.lastEnd = start
    // Text of a style element or a button, without the sentinel's line break.
    const text = t.text.slice(0, Math.max(0, this.length - start))
    this.style?.push(text)
    if (this.button) this.button.label += text
  }

  comment(start: number, end: number): void {
    if (start >= this.length) return
    this.lastComment = { start, end }
    this.lastEnd = Math.min(end, this.length)
  }

  /** Closes what is still open at the end, and says what the end leaves open. */
  end(html: string): OpenAtEnd | null {
    if (this.script) {
      this.scan.scripts.push({ start: this.script.start, end: this.length })
      return { kind: 'element', name: 'script', start: this.script.start }
    }
    if (this.raw) return { kind: 'element', name: this.raw.name, start: this.raw.start }
    if (!this.sentinelSeen) {
      const c = this.lastComment
      if (c && c.end > this.length) return { kind: 'comment', name: '!--', start: c.start }
      if (this.unclosedTag) return this.unclosedTag
      TAG_START.lastIndex = this.lastEnd
      const start = TAG_START.exec(html)?.index ?? this.lastEnd
      const name = /^<\/?([^\s/>]*)/.exec(html.slice(start, start + 64))?.[1] ?? ''
      return { kind: 'tag', name, start }
    }
    for (const [name, starts] of this.open) if (starts.length) return { kind: 'element', name, start: starts[0]! }
    return null
  }
}

function scannedTag(t: StartTag): ScannedTag {
  // Start tags carry their attributes' places (parse5's LocationWithAttributes).
  const loc = t.sourceCodeLocation! as typeof t.sourceCodeLocation & {
    attrs?: Record<string, { startOffset: number; endOffset: number }>
  }
  return {
    name: t.tagName,
    start: loc.startOffset,
    end: loc.endOffset,
    selfClosing: t.selfClosing,
    attrs: t.attrs.map((a) => {
      const at = loc.attrs?.[a.name]
      return {
        name: a.name,
        value: a.value,
        start: at?.startOffset ?? loc.startOffset,
        end: at?.endOffset ?? loc.startOffset,
      }
    }),
  }
}

/** Attributes whose value is a URL a browser may follow or load. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'cite'])

/** An attribute that is script: an `on…` event handler, or a `javascript:` URL. */
export function isUnsafe(attr: { name: string; value: string }): boolean {
  return isHandler(attr.name) || (URL_ATTRIBUTES.has(attr.name) && isScriptUrl(attr.value))
}

/** `onclick` and every other `on…` attribute is an event handler. */
export function isHandler(name: string): boolean {
  return /^on/i.test(name)
}

/** A `javascript:` URL, as browsers read one (leading blanks and control characters, and tabs and line breaks inside, ignored). */
function isScriptUrl(value: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: URL parsing strips C0 controls, so must this
  return /^javascript:/i.test(value.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, ''))
}
