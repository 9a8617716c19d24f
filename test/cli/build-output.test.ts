/**
 * What `coursemark build` writes, and how it treats the output folder, run as
 * a process on the sample course and on small courses.
 */
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { cli, item, ROOT, tempPath, validCourse, writeCourse } from '../helpers/course.ts'
import { siteTree } from '../helpers/site-tree.ts'
import { keyDigits } from '../../src/emit/page-keys.ts'

const EXAMPLE = join(ROOT, 'example')

/**
 * The quiz JSON of a built page, the answers (its radios' labels), and each statement (its legend's HTML in
 * the page) with its decoded key.
 */
function quizOf(html: string) {
  const m = /data-cm-quiz='([^']*)'/.exec(html)
  assert.ok(m, 'page has a quiz')
  const json = JSON.parse(m[1]!.replace(/&#39;/g, "'").replace(/&amp;/g, '&')) as { n: number; keys: string[] }
  const labels = /<li id="cm-b0" hidden>.*?value="0"> (.*?)<\/label>.*?value="1"> (.*?)<\/label>/.exec(html)
  return {
    ...json,
    options: labels ? [labels[1], labels[2]] : [],
    items: json.keys.map((key, b) => ({
      html: new RegExp(`<li id="cm-b${b}" hidden><fieldset[^>]*><legend>(.*?)</legend>`).exec(html)?.[1] ?? '',
      ...(JSON.parse(Buffer.from(key, 'base64').toString('utf8')) as { a: number; x: string }),
    })),
  }
}

/** The SHA-256 of `text` as a Content-Security-Policy source. */
const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`
/** The page's `<body>` (its `<head>` holds the stylesheet, whose `@media (…){:root{` is no attribute list). */
const bodyOf = (html: string) => html.slice(html.indexOf('<body'))
/** Each inline `<script>`'s text in `html`. */
const inlineScripts = (html: string) => [...html.matchAll(/<script>(.*?)<\/script>/gs)].map((m) => m[1]!)

test('build writes the sample course at clean URLs with two hashed scripts (the index’s, the others’), and the extras', () => {
  const out = tempPath()
  const r = cli(['build', EXAMPLE, '--out', out])
  assert.equal(r.code, 0, r.stderr)
  assert.match(
    r.stdout,
    /^Built 11 pages \(5 quizzes, 36 statements\) of course "listening-basics" into .+ in \d+ ms\.\nOffline: learners' browsers keep the whole site \(0\.\d MB\) once they open a page online\.\n$/,
  )
  assert.equal(r.stderr, '')
  const files = [...siteTree(out).keys()].sort()
  assert.ok(files.includes('index.html'))
  assert.ok(files.includes('how-this-course-works/index.html'))
  assert.ok(files.includes('completion-record/index.html'))
  const assets = files.filter((f) => f.startsWith('assets/'))
  assert.equal(assets.length, 4)
  // The stylesheet is in every page; the runtime is in two: the index's, and every other page's.
  assert.equal(assets.filter((f) => /^assets\/coursemark\.[0-9a-f]{10}\.js$/.test(f)).length, 2)
  // Loaded only when a learner opens the progress dialog or the completion record.
  assert.ok(assets.some((f) => /^assets\/coursemark-extras\.[0-9a-f]{10}\.css$/.test(f)))
  assert.ok(assets.some((f) => /^assets\/coursemark-extras\.[0-9a-f]{10}\.js$/.test(f)))
  // Every slot the build fills (the manifest, the language's digits) is filled.
  for (const f of assets) assert.doesNotMatch(readFileSync(join(out, f), 'utf8'), /__CM_[A-Z]+__/, f)
})

test('every built page is a complete, accessible, self-contained document', () => {
  const out = tempPath()
  assert.equal(cli(['build', EXAMPLE, '--out', out]).code, 0)
  for (const [file] of siteTree(out)) {
    if (!file.endsWith('.html')) continue
    const html = readFileSync(join(out, file), 'utf8')
    assert.match(html, /^<!doctype html>\n<html lang="en" dir="ltr"/, file)
    assert.match(html, /<meta name="viewport" content="width=device-width, initial-scale=1">/, file)
    assert.match(
      html,
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'( 'sha256-[\w+/=]+')+; style-src 'self' 'sha256-/,
      file,
    )
    for (const landmark of ['<header', '<main id="cm-main"', '<footer', '<h1 id="cm-title">'])
      assert.ok(html.includes(landmark), `${file}: ${landmark}`)
    // Nothing loads from another host: every src and stylesheet is a local path.
    for (const m of html.matchAll(/\s(?:src|href)="([^"]*)"/g)) {
      const url = m[1]!
      const isAsset = /<(?:script|link|img)\b[^>]*$/.test(
        html
          .slice(0, m.index! + 1)
          .split('<')
          .pop() ?? '',
      )
      if (isAsset || /\.(css|js)$/.test(url)) assert.ok(url.startsWith('/'), `${file}: ${url} is not local`)
    }
    assert.doesNotMatch(html, /\son[a-z]+=/i, `${file}: no handler`)
    // Inline: the head gate, first after the policy, and the draw script after a quiz; both allowed by hash.
    const inline = inlineScripts(html)
    assert.equal(inline.length, html.includes('data-cm-quiz') ? 2 : 1, file)
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="[^"]*">\n<script>/, file)
    for (const text of inline) assert.ok(html.includes(sha(text)), `${file}: an inline script the policy allows`)
    const style = /<style>(.*?)<\/style>/s.exec(html)?.[1] ?? ''
    assert.ok(style.length > 1000 && html.includes(sha(style)), `${file}: the stylesheet, allowed by hash`)
    assert.ok(html.indexOf('<script>') < html.indexOf('<style>'), `${file}: the gate runs before any stylesheet`)
    assert.doesNotMatch(bodyOf(html), /\{:|\{%|\{\{/, `${file}: no attribute list or Liquid left in the page`)
  }
})

test('a page inlines the stylesheet parts for what it holds, and no others', () => {
  const quiz = (explanation: string) =>
    `Mark each statement:\n{: data-n="1"}\n\n- ${item('Water is wet.', 'Y', explanation)}\n- ${item('Fire is cold.', 'N', 'Hot.')}\n`
  const section = (serial: number, body: string) =>
    `---\ntitle: S${serial}\nclass: section\nserial: ${serial}\n---\n${body}`
  const dir = writeCourse(
    {
      's2.md': section(3, 'A quote:\n\n> Listen first.\n\n<p style="color: teal">Styled by its author.</p>\n'),
      's3.md': section(4, `Plain text.\n\n${quiz('Type `listen` to begin.')}`),
    },
    validCourse(),
  )
  const out = tempPath()
  assert.equal(cli(['build', dir, '--out', out]).code, 0)
  const parts = {
    author: 'prefers-reduced-motion',
    blocks: 'blockquote{',
    quiz: '.cm-q-list{',
    dots: '.cm-dot{',
    index: '.cm-outline ol{',
  }
  const expected: Record<string, (keyof typeof parts)[]> = {
    'index.html': ['index'],
    'ch1/index.html': ['dots'],
    's1/index.html': ['quiz', 'dots'],
    's2/index.html': ['author', 'blocks', 'dots'],
    's3/index.html': ['blocks', 'quiz', 'dots'],
    'completion-record/index.html': ['blocks'],
  }
  for (const [file, want] of Object.entries(expected)) {
    const html = readFileSync(join(out, file), 'utf8')
    const style = /<style>([^<]*)<\/style>/.exec(html)![1]!
    assert.ok(html.includes(sha(style)), `${file}: its stylesheet, allowed by hash`)
    assert.ok(style.includes('.cm-header{'), `${file}: the base`)
    const has = (Object.keys(parts) as (keyof typeof parts)[]).filter((p) => style.includes(parts[p]))
    assert.deepEqual(has, want, `${file}: the parts it carries`)
  }
})

test('--base prefixes every asset, page link and the runtime manifest', () => {
  const out = tempPath()
  assert.equal(cli(['build', EXAMPLE, '--out', out, '--base', '/course/']).code, 0)
  const page = readFileSync(join(out, 'what-a-listener-does', 'index.html'), 'utf8')
  assert.match(page, /<script defer src="\/course\/assets\/coursemark\.[0-9a-f]+\.js"><\/script>/)
  assert.match(page, /<a class="cm-home" href="\/course\/">/)
  assert.match(page, /<a class="cm-dot" href="\/course\/how-this-course-works\/"/)
  const intro = readFileSync(join(out, 'how-this-course-works', 'index.html'), 'utf8')
  assert.match(intro, /<a href="\/course\/">course index<\/a>/, 'a relative link to index.md becomes the index URL')
  const js = /<script defer src="\/course\/(assets\/coursemark\.[0-9a-f]+\.js)">/.exec(page)![1]!
  const script = readFileSync(join(out, js), 'utf8')
  assert.ok(script.includes('"base":"/course/"'))
  assert.ok(script.includes('"record":"/course/completion-record/"'))
  assert.match(
    script,
    /"extras":\{"js":"\/course\/assets\/coursemark-extras\.[0-9a-f]{10}\.js","css":"\/course\/assets\/coursemark-extras\.[0-9a-f]{10}\.css"\}/,
  )
  assert.ok(!script.includes('"url":'), 'every page is at <base><id>/, which the runtime makes')
})

/** The runtime manifest built into a site's script (the JSON object that starts with `{"v":1,"course"`). */
function manifestIn(script: string): {
  course: string
  keyLength: number
  pages: { id: string; kind?: string }[]
} {
  const start = script.indexOf('{"v":1,"course"')
  assert.ok(start >= 0, 'the script holds the manifest')
  let depth = 0
  let inString = false
  for (let i = start; i < script.length; i++) {
    const c = script[i]
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
    } else if (c === '"') inString = true
    else if (c === '{' || c === '[') depth++
    else if ((c === '}' || c === ']') && --depth === 0) return JSON.parse(script.slice(start, i + 1))
  }
  assert.fail('the manifest never ends')
}

test('the manifest says how long page keys are for progress codes, long enough that they all differ', () => {
  const out = tempPath()
  assert.equal(cli(['build', EXAMPLE, '--out', out]).code, 0)
  const js = readdirSync(join(out, 'assets')).find((f) => /^coursemark\.[0-9a-f]+\.js$/.test(f))!
  const manifest = manifestIn(readFileSync(join(out, 'assets', js), 'utf8'))
  assert.equal(manifest.course, 'listening-basics', 'the course_id of example/index.md')
  assert.equal(manifest.keyLength, 2, 'ten pages need 2 characters')
  const keys = manifest.pages.map((p) => keyDigits(p.id).slice(0, manifest.keyLength))
  assert.equal(keys.length, 10)
  assert.equal(new Set(keys).size, keys.length, 'every key differs')
})

test("the manifest names a chapter's kind and leaves out a section's, and nothing the runtime does not read", () => {
  const out = tempPath()
  assert.equal(cli(['build', EXAMPLE, '--out', out]).code, 0)
  const js = readdirSync(join(out, 'assets')).find((f) => /^coursemark\.[0-9a-f]+\.js$/.test(f))!
  const manifest = manifestIn(readFileSync(join(out, 'assets', js), 'utf8'))
  for (const p of manifest.pages) {
    const kind = /data-cm-kind="(\w+)"/.exec(readFileSync(join(out, p.id, 'index.html'), 'utf8'))![1]
    assert.deepEqual(Object.keys(p), kind === 'chapter' ? ['id', 'kind'] : ['id'], `${p.id}: its fields`)
    if (kind === 'chapter') assert.equal(p.kind, 'c')
  }
  assert.ok(manifest.pages.some((p) => p.kind === 'c') && manifest.pages.some((p) => !p.kind), 'both kinds are seen')
})

test('quiz banks reach the page decoded, with non-ASCII text intact and answers behind base64', () => {
  const out = tempPath()
  assert.equal(cli(['build', EXAMPLE, '--out', out]).code, 0)
  const quiz = quizOf(readFileSync(join(out, 'callers-from-everywhere', 'index.html'), 'utf8'))
  assert.equal(quiz.n, 3)
  assert.deepEqual(quiz.options, ['True', 'False'])
  const texts = quiz.items.map((i) => i.html).join('\n')
  for (const s of ['Zoë', 'Jürgen', 'مرحبا', 'שלום', '💬']) assert.ok(texts.includes(s), `${s} survives`)
  const zoe = quiz.items.find((i) => i.html.includes('Zoë'))!
  assert.equal(zoe.a, 1, 'the second answer (False) is right')
  assert.match(zoe.x, /accents included/)
  const yesNo = quizOf(readFileSync(join(out, 'what-a-listener-does', 'index.html'), 'utf8'))
  assert.deepEqual(yesNo.options, ['Yes', 'No'])
})

test('<3 becomes a heart with a text alternative, in statements and explanations alike', () => {
  const dir = writeCourse(
    {
      's1.md': `---\ntitle: S\nclass: section\nserial: 2\n---\nWe <3 you.\n\nQuiz:\n{: data-n="1"}\n\n- ${item('I <3 tea.', 'Y', 'So do we <3')}\n`,
    },
    validCourse(),
  )
  const out = tempPath()
  assert.equal(cli(['build', dir, '--out', out]).code, 0)
  const html = readFileSync(join(out, 's1', 'index.html'), 'utf8')
  assert.match(html, /<p>We <svg class="cm-heart" role="img" aria-label="heart"[^>]*>.*?<\/svg> you\.<\/p>/)
  const quiz = quizOf(html)
  assert.match(quiz.items[0]!.html, /^I <svg class="cm-heart" role="img" aria-label="heart"/)
  assert.match(quiz.items[0]!.x, /So do we <svg class="cm-heart"/)
})

test('kramdown attribute lists attach to the block above and never show as text', () => {
  const dir = writeCourse(
    {
      's1.md':
        '---\ntitle: S\nclass: section\nserial: 2\n---\nA chat line.\n{: .conv}\n\n- one\n- two\n{: .showul #list}\n\n### A heading\n{: #custom data-x="1"}\n',
    },
    validCourse(),
  )
  const out = tempPath()
  assert.equal(cli(['build', dir, '--out', out]).code, 0)
  const html = readFileSync(join(out, 's1', 'index.html'), 'utf8')
  assert.match(html, /<p class="conv">A chat line\.<\/p>/)
  assert.match(html, /<ul id="list" class="showul">\n<li>one<\/li>\n<li>two<\/li>\n<\/ul>/)
  assert.match(html, /<h3 id="custom" data-x="1" aria-level="2">A heading<\/h3>/)
  assert.doesNotMatch(bodyOf(html), /\{:/)
})

test('a legacy index: the script goes, its buttons are connected, and the build says so', () => {
  const index = [
    '---',
    'title: Index',
    'class: index',
    '---',
    'Intro.',
    '',
    '<button id="begin" onclick="nextpage()">Begin the Course</button>',
    '',
    '{% for p in site.pages %}{% if p.class == "section" %}',
    '#### {{ p.title }}',
    '{: .section data-serial="{{ p.serial }}" data-url="{{ p.url }}"}',
    '{% endif %}{% endfor %}',
    '',
    '<script>',
    'document.title = "x"',
    '</script>',
    '',
  ].join('\n')
  const dir = writeCourse({ 'index.md': index }, validCourse())
  const out = tempPath()
  const r = cli(['build', dir, '--out', out])
  assert.equal(r.code, 0, r.stderr)
  assert.match(r.stderr, /^index\.md:14:1: note: Removed a <script> written for the old runtime/m)
  assert.match(r.stderr, /^index\.md:7:1: note: Connected the index's own "begin" button/m)
  const html = readFileSync(join(out, 'index.html'), 'utf8')
  assert.doesNotMatch(html, /document\.title|onclick/)
  assert.equal(inlineScripts(html).length, 1, 'the head gate alone')
  assert.match(html, /<button type="button" data-cm-action="begin" id="begin">Begin the Course<\/button>/)
  assert.match(
    html,
    /<h4 class="section" data-serial="2" data-url="\/s1\/" data-cm-link="s1" id="section-one" aria-level="2">Section one<\/h4>/,
  )
  // The buttons the author did not write are generated; the author's outline is kept, so none is generated.
  assert.match(html, /data-cm-action="continue">Continue the course<\/button>/)
  assert.doesNotMatch(html, /class="cm-outline"/)
})

test('an index without an outline or buttons gets both generated', () => {
  const out = tempPath()
  assert.equal(cli(['build', EXAMPLE, '--out', out]).code, 0)
  const html = readFileSync(join(out, 'index.html'), 'utf8')
  for (const label of ['Begin the course', 'Continue the course', 'Reset the course'])
    assert.ok(html.includes(`>${label}</button>`), label)
  assert.match(
    html,
    /<nav class="cm-outline"[\s\S]*<span data-cm-link="getting-started">Chapter 1: Getting started<\/span><ol><li><span data-cm-link="how-this-course-works">/,
  )
})

test('build refuses a non-empty folder it did not make, and touches nothing in it', () => {
  const out = tempPath()
  mkdirSync(out)
  writeFileSync(join(out, 'notes.txt'), 'mine')
  const r = cli(['build', EXAMPLE, '--out', out])
  assert.equal(r.code, 1)
  assert.match(r.stderr, /is not empty and coursemark did not make it/)
  assert.match(r.stderr, /hint: /)
  assert.deepEqual([...siteTree(out).keys()], ['notes.txt'])
})

test('a rebuild replaces what coursemark wrote and keeps files others added', () => {
  const dir = writeCourse({ 'extra.md': '---\ntitle: Extra\nclass: section\nserial: 3\n---\nMore.\n' }, validCourse())
  const out = tempPath()
  assert.equal(cli(['build', dir, '--out', out]).code, 0)
  assert.ok(existsSync(join(out, 'extra', 'index.html')))
  writeFileSync(join(out, 'CNAME'), 'course.example.org\n')
  mkdirSync(join(out, 'downloads'))
  writeFileSync(join(out, 'downloads', 'handout.pdf'), 'pdf')
  // The author removes a page: its old output goes, the added files stay.
  const dir2 = writeCourse({}, validCourse())
  assert.equal(cli(['build', dir2, '--out', out]).code, 0)
  assert.equal(existsSync(join(out, 'extra')), false, 'a page coursemark wrote and no longer makes is gone')
  assert.equal(readFileSync(join(out, 'CNAME'), 'utf8'), 'course.example.org\n')
  assert.equal(readFileSync(join(out, 'downloads', 'handout.pdf'), 'utf8'), 'pdf')
  const leftovers = readdirSync(join(out, '..')).filter((f) => f.includes('coursemark-'))
  assert.deepEqual(leftovers, [], 'no temporary folders left behind')
})

test('a failed build leaves the previous site exactly as it was', () => {
  const out = tempPath()
  assert.equal(cli(['build', EXAMPLE, '--out', out]).code, 0)
  const before = siteTree(out)
  const mtime = statSync(join(out, 'index.html')).mtimeMs
  const broken = writeCourse({ 's1.md': '---\ntitle: S\nclass: section\nserial: x\n---\n' }, validCourse())
  assert.equal(cli(['build', broken, '--out', out]).code, 1)
  assert.deepEqual(siteTree(out), before)
  assert.equal(statSync(join(out, 'index.html')).mtimeMs, mtime)
})

test('static files are copied, and relative image paths follow the clean URLs', () => {
  const dir = writeCourse(
    {
      'img/map.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
      's1.md': '---\ntitle: S\nclass: section\nserial: 2\n---\n![A map](img/map.svg)\n\n[Chapter](ch1.md#top)\n',
    },
    validCourse(),
  )
  const out = tempPath()
  assert.equal(cli(['build', dir, '--out', out, '--base', '/c/']).code, 0)
  assert.ok(existsSync(join(out, 'img', 'map.svg')))
  const html = readFileSync(join(out, 's1', 'index.html'), 'utf8')
  assert.match(html, /<img src="\/c\/img\/map\.svg" alt="A map">/)
  assert.match(html, /<a href="\/c\/ch1\/#top">Chapter<\/a>/)
})

test('usage mistakes exit 2 with a pointer to help', () => {
  for (const args of [['build', '--nope'], ['frobnicate'], ['build', 'a', 'b'], ['build', '--base', 'has space']]) {
    const r = cli(args)
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`)
    assert.match(r.stderr, /^coursemark: /)
    assert.doesNotMatch(r.stderr, /\n\s+at /)
  }
  assert.match(cli(['biuld']).stderr, /Did you mean "build"\?/)
  const bare = cli([])
  assert.equal(bare.code, 2)
  assert.equal(bare.stdout, '')
  assert.match(bare.stderr, /^coursemark: turn a folder of Markdown pages/)
})

test('--help and --version answer and exit 0', () => {
  const help = cli(['build', '--help'])
  assert.equal(help.code, 0)
  assert.match(help.stdout, /^Usage: coursemark build \[COURSE_DIR\] \[--out DIR\] \[--base PATH\]/)
  const top = cli(['--help'])
  assert.equal(top.code, 0)
  assert.match(top.stdout, /Commands:/)
  const version = cli(['--version'])
  assert.equal(version.code, 0)
  assert.equal(version.stdout.trim(), JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version)
})

test('the Content-Security-Policy allows an author\'s own <style> and style="" by hash, and nothing else inline', () => {
  const css = '\np { color: teal }\n'
  const dir = writeCourse(
    {
      's1.md': `---\ntitle: S\nclass: section\nserial: 2\n---\n<style>${css}</style>\n\n<p style="color: red">Red</p>\n`,
    },
    validCourse(),
  )
  const out = tempPath()
  assert.equal(cli(['build', dir, '--out', out]).code, 0)
  const styled = readFileSync(join(out, 's1', 'index.html'), 'utf8')
  const ours = /<style>(.*?)<\/style>/s.exec(styled)![1]!
  assert.ok(
    styled.includes(`style-src 'self' 'unsafe-hashes' ${sha(ours)} ${sha(css)} ${sha('color: red')};`),
    styled.slice(0, 600),
  )
  // A page without the author's CSS has a stylesheet of its own (layout.ts: no reduced-motion rule).
  const plain = readFileSync(join(out, 'ch1', 'index.html'), 'utf8')
  const plainOurs = /<style>(.*?)<\/style>/s.exec(plain)![1]!
  assert.notEqual(plainOurs, ours)
  assert.ok(plain.includes(`style-src 'self' ${sha(plainOurs)}; img-src 'self' data:;`))
})
