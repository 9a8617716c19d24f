/**
 * The reference course (../shared/corpus/listen), built unmodified: every page,
 * quiz and statement arrives, nothing leaks, nothing loads from elsewhere, and
 * each page has the structure kramdown gave it (../shared/corpus/kramdown-html).
 * Skipped where the corpus is not checked out beside the project.
 */
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { before, describe, test } from 'node:test'
import { htmlBlocks, visibleText, type Block } from '../helpers/html-blocks.ts'
import { cli, CORPUS, tempPath } from '../helpers/course.ts'

const REFERENCE = join(CORPUS, '..', 'kramdown-html')
const skip = existsSync(CORPUS) ? false : 'the reference corpus is not present'

describe('the reference corpus', { skip }, () => {
  const out = tempPath('site')
  let run: ReturnType<typeof cli>
  const pages = new Map<string, string>()

  before(() => {
    run = cli(['build', CORPUS, '--out', out, '--base', '/listen/'])
    for (const f of readdirSync(CORPUS)) {
      if (!f.endsWith('.md')) continue
      const id = f.replace(/\.md$/, '')
      const file = id === 'index' ? join(out, 'index.html') : join(out, id, 'index.html')
      if (existsSync(file)) pages.set(id, readFileSync(file, 'utf8'))
    }
  })

  test('builds unmodified with exit 0, printing what it replaced in the index', () => {
    assert.equal(run.code, 0, run.stderr)
    assert.match(run.stdout, /^Built 59 pages \(51 quizzes, 644 statements\)/)
    assert.match(run.stderr, /^index\.md:\d+:1: note: Removed a <script> written for the old runtime/m)
    assert.match(run.stderr, /^index\.md:\d+:1: note: Connected the index's own "reset", "begin", "continue" buttons/m)
    assert.doesNotMatch(run.stderr, /error|warning/)
  })

  test('writes 59 pages with 51 quizzes holding 644 decodable statements', () => {
    assert.equal(pages.size, 59)
    let quizzes = 0
    let statements = 0
    for (const html of pages.values()) {
      const m = /data-cm-quiz='([^']*)'/.exec(html)
      if (!m) continue
      quizzes++
      const quiz = JSON.parse(m[1]!.replace(/&#39;/g, "'").replace(/&amp;/g, '&')) as {
        n: number
        keys: string[]
      }
      assert.ok(quiz.n <= quiz.keys.length)
      quiz.keys.forEach((k, b) => {
        const key = JSON.parse(Buffer.from(k, 'base64').toString('utf8')) as { a: number; x: string }
        assert.ok(key.a === 0 || key.a === 1)
        // The statement is in the page, as the legend of its radio group.
        const legend = new RegExp(`<li id="cm-b${b}" hidden><fieldset[^>]*><legend>(.+?)</legend>`)
        assert.ok(legend.test(html), `statement ${b} is in the page`)
        statements++
      })
    }
    assert.equal(quizzes, 51)
    assert.equal(statements, 644)
  })

  test('no attribute list or Liquid tag shows in any page’s visible text', () => {
    for (const [id, html] of pages) {
      const text = visibleText(html)
      for (const leak of ['{:', '{%', '%}', '{{', '}}']) assert.ok(!text.includes(leak), `${id} shows ${leak}`)
    }
  })

  test('no page loads anything from another host', () => {
    for (const [id, html] of pages) {
      for (const m of html.matchAll(/<(script|link|img|iframe|video|audio|source)\b[^>]*?\s(?:src|href)="([^"]*)"/g)) {
        // A data: URL (the empty favicon) is no request at all, nor is a fragment (`rel="expect"`'s `#cm-next`).
        assert.ok(/^(\/listen\/|data:|#)/.test(m[2]!), `${id}: <${m[1]}> loads ${m[2]}`)
      }
      assert.doesNotMatch(html, /@import|url\(\s*['"]?(https?:)?\/\//, `${id}: no remote CSS`)
      // Inline, only coursemark's head gate and draw script, each allowed by the policy's hash of it.
      const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? ''
      for (const m of html.matchAll(/<script>(.*?)<\/script>/gs)) {
        const hash = createHash('sha256').update(m[1]!).digest('base64')
        assert.ok(policy.includes(`'sha256-${hash}'`), `${id}: an inline script the policy allows`)
      }
    }
  })

  test('every page has the block structure kramdown gave it', () => {
    for (const f of readdirSync(REFERENCE)) {
      const id = f.replace(/\.html$/, '')
      const ours = comparable(ourBlocks(pages.get(id)!))
      const theirs = comparable(referenceBlocks(readFileSync(join(REFERENCE, f), 'utf8')))
      assert.deepEqual(ours, theirs, id)
    }
  })
})

/** Our page body, without the layout, the quiz's radio groups and its draw script. */
function ourBlocks(html: string): Block[] {
  const body = html
    .slice(html.indexOf('</noscript>'), html.indexOf('<div class="cm-next"'))
    .replace(/<div class="cm-quiz-body"[\s\S]*?<\/section>/, '</section>')
    .replace(/<script>[\s\S]*?<\/script>/g, '')
  return htmlBlocks(body).filter(
    (b) =>
      b.attrs['id'] !== 'cm-quiz-title' &&
      b.attrs['class'] !== 'cm-needs-js' &&
      b.attrs['class'] !== 'cm-index-status' &&
      b.attrs['class'] !== 'cm-index-actions' &&
      b.attrs['class'] !== 'cm-index-more',
  )
}

/** kramdown's body, without the old script and without each quiz's bank list (the first list after data-n). */
function referenceBlocks(html: string): Block[] {
  const out: Block[] = []
  let state: 'text' | 'quiz' | 'bank' = 'text'
  for (const b of htmlBlocks(html.replace(/<script[\s\S]*?<\/script>/g, ''))) {
    if (state === 'bank' && b.tag === 'li') continue
    if (state === 'bank') state = 'text'
    if (state === 'quiz' && b.tag === 'ul') {
      state = 'bank'
      continue
    }
    out.push(b)
    if (b.tag === 'p' && b.attrs['data-n'] && b.attrs['data-n'] !== '0') state = 'quiz'
  }
  return out
}

/** Attributes coursemark adds, and clean URLs' trailing slash, do not count as differences. */
function comparable(blocks: Block[]): string[] {
  return blocks.map((b) => {
    const attrs = { ...b.attrs }
    delete attrs['data-cm-link']
    if (attrs['data-url']) attrs['data-url'] = attrs['data-url'].replace(/\/$/, '')
    return JSON.stringify([b.tag, attrs, b.text])
  })
}
