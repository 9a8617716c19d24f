/**
 * Ways a course folder goes wrong in the hands of volunteers, for the fuzz
 * suite: truncated saves, random bytes, wrong YAML types, other line ends,
 * byte-order marks and NULs, deep nesting, huge tables, Liquid abuse, bad
 * banks, injected HTML, odd file names, clashing files and links. Each
 * mutation is data (its name says what it did) and applies to a copy.
 */
import fc from 'fast-check'
import type { CourseFiles } from './course-gen.ts'

export interface Mutation {
  /** The kind of mutation, for the tally of a run. */
  kind: string
  /** What was done, for the report of a failing case. */
  name: string
  apply: (files: CourseFiles) => void
}

/** The course's pages in a stable order; a mutation picks one by `pick`, taken modulo their number. */
function pageAt(files: CourseFiles, pick: number): string {
  const pages = [...files.keys()].filter((f) => f.endsWith('.md')).sort()
  return pages[pick % pages.length]!
}

function textOf(files: CourseFiles, path: string): string {
  const v = files.get(path)
  return typeof v === 'string' ? v : v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : ''
}

/** Replaces the text of a page picked by `pick`. */
function edit(kind: string, name: string, pick: number, change: (text: string) => string | Uint8Array): Mutation {
  return {
    kind,
    name,
    apply: (files) => {
      const path = pageAt(files, pick)
      files.set(path, change(textOf(files, path)))
    },
  }
}

/** Inserts `what` into a page at a line picked by `at` (a fraction of its lines). */
function insert(kind: string, pick: number, at: number, what: string): Mutation {
  return edit(kind, `${kind}: ${JSON.stringify(what.slice(0, 60))}`, pick, (text) => {
    const lines = text.split('\n')
    const k = Math.min(lines.length, Math.max(0, Math.floor(at * lines.length)))
    lines.splice(k, 0, what)
    return lines.join('\n')
  })
}

const pick = fc.nat()
const fraction = fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000)

const truncate = fc
  .tuple(pick, fraction)
  .map(([p, at]) => edit('truncation', `truncate at ${at}`, p, (text) => text.slice(0, Math.floor(at * text.length))))

const randomBytes = fc.tuple(pick, fraction, fc.uint8Array({ minLength: 1, maxLength: 40 })).map(
  ([p, at, bytes]): Mutation =>
    edit('random bytes', `insert bytes ${Buffer.from(bytes).toString('hex')}`, p, (text) => {
      const buf = Buffer.from(text, 'utf8')
      const k = Math.floor(at * buf.length)
      return Uint8Array.from(Buffer.concat([buf.subarray(0, k), bytes, buf.subarray(k)]))
    }),
)

const lineEnds = fc
  .tuple(pick, fc.constantFrom('\r\n', '\r', '\u2028', '\0'))
  .map(([p, end]) => edit('line ends', `line ends ${JSON.stringify(end)}`, p, (text) => text.replace(/\n/g, end)))

const bom = pick.map((p) => edit('byte-order mark', 'byte-order mark', p, (text) => `\uFEFF${text}`))

const YAML_VALUES = [
  '[a, b]',
  '{a: 1}',
  'true',
  'null',
  '~',
  '-3',
  '2.5',
  '9007199254740993',
  '1e400',
  '"12"',
  '*nope',
  '&a x',
  '|\n  block',
  "'unterminated",
  '"\\x"',
  '!!binary aGk=',
  ' '.repeat(5000),
  'x'.repeat(3000),
]
const yamlField = fc
  .tuple(
    pick,
    fc.constantFrom('title', 'class', 'serial', 'lang', 'layout', 'course_title'),
    fc.constantFrom(...YAML_VALUES),
  )
  .map(([p, field, value]) =>
    edit('wrong YAML', `front matter ${field}: ${JSON.stringify(value.slice(0, 20))}`, p, (text) =>
      new RegExp(`^${field}:.*$`, 'm').test(text)
        ? text.replace(new RegExp(`^${field}:.*$`, 'm'), `${field}: ${value}`)
        : text.replace(/^---\n/, `---\n${field}: ${value}\n`),
    ),
  )

const bomb = pick.map((p) => {
  const levels = ['a0: &a0 [x, x, x, x, x, x, x, x, x]']
  for (let k = 1; k < 9; k++)
    levels.push(
      `a${k}: &a${k} [${Array(9)
        .fill(`*a${k - 1}`)
        .join(', ')}]`,
    )
  return edit('wrong YAML', 'alias bomb', p, (text) => text.replace(/^---\n/, `---\n${levels.join('\n')}\n`))
})

const serialClash = fc.tuple(pick, pick).map(
  ([a, b]): Mutation => ({
    kind: 'wrong YAML',
    name: 'two pages with one serial',
    apply: (files) => {
      const serial = /^serial: *(\S+)/m.exec(textOf(files, pageAt(files, a)))?.[1] ?? '1'
      const path = pageAt(files, b)
      files.set(path, textOf(files, path).replace(/^serial:.*$/m, `serial: ${serial}`))
    },
  }),
)

const DEEP = [
  '> '.repeat(300) + 'deep quote',
  Array.from({ length: 200 }, (_, k) => `${'  '.repeat(k)}- item`).join('\n'),
  '['.repeat(2000) + 'x' + ']'.repeat(2000),
  '*'.repeat(5000) + 'x',
  '<div>'.repeat(3000),
  '`'.repeat(3000),
  '\\'.repeat(5000),
]
const deep = fc
  .tuple(pick, fraction, fc.constantFrom(...DEEP))
  .map(([p, at, what]) => insert('deep nesting', p, at, what))

const hugeTable = fc
  .tuple(pick, fraction, fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 1, max: 200 }))
  .map(([p, at, rows, cols]) =>
    insert(
      'huge table',
      p,
      at,
      // Odd row counts put an attribute list in a cell (an error); even ones make a valid table.
      `\n${'| a '.repeat(cols)}|\n${'|---'.repeat(cols)}|\n${`${(rows % 2 ? '| {: .x} b ' : '| b ').repeat(Math.min(cols, 2))}${'| c '.repeat(Math.max(0, cols - 2))}|\n`.repeat(Math.min(rows, Math.floor(200_000 / cols)))}`,
    ),
  )

const LIQUID = [
  '{% for i in (-99999999..99999999) limit: 5 %}{{ i }}{% endfor %}',
  '{% for a in (1..100000) %}{% for b in (1..100000) %}.{% endfor %}{% endfor %}',
  '{% for i in (1..3) %}{{ i }}{% endfor %}',
  "{{ '{{' }}",
  '{% raw %}{% if %}{% endraw %}',
  '{% if x %}',
  '{{ x | nofilter }}',
  '{% assign s = "xxxxxxxxxx" %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s | size }}',
  '{{ site.pages | size }}',
  '{% include nothing.html %}',
  '{%',
  '{{',
]
const liquid = fc
  .tuple(pick, fraction, fc.constantFrom(...LIQUID))
  .map(([p, at, what]) => insert('Liquid abuse', p, at, what))

const BANK_ITEMS = [
  '- %%%',
  '- QQ=Q',
  `- ${Buffer.from([0xc3, 0x28]).toString('base64')}`,
  `- ${Buffer.from('no answer marker').toString('base64')}`,
  '- A readable one\n  - Maybe: it depends',
  '- Empty answer\n  -',
  `- ${Buffer.from('<img src=x onerror=alert(1)>/Y/<script>alert(2)</script>').toString('base64')}`,
  '- A {: x} statement\n  - True: yes',
  '- Statement <textarea>\n  - True: yes',
]
const badBank = fc
  .tuple(pick, fc.constantFrom(...BANK_ITEMS))
  .map(([p, what]) =>
    edit('bad bank', `bank item ${JSON.stringify(what.slice(0, 30))}`, p, (text) =>
      /^- /m.test(text) ? text.replace(/^- /m, `${what}\n- `) : `${text}\n${what}\n`,
    ),
  )

const N_VALUES = ['0', '00', '-1', 'x', '', '99999999999999999999', '1.5', ' 2 ', '007']
const badN = fc
  .tuple(pick, fc.constantFrom(...N_VALUES), fc.constantFrom('Yes,No', 'a,a', 'One', ',', null))
  .map(([p, n, opt]) =>
    edit('bad bank', `data-n="${n}" data-opt=${JSON.stringify(opt)}`, p, (text) =>
      text.replace(/\{: data-n="[^"]*"[^}]*\}/, `{: data-n="${n}"${opt === null ? '' : ` data-opt="${opt}"`}}`),
    ),
  )

const HTML = [
  '<script>alert(1)</script foo>',
  '<scr<script></script>ipt>alert(1)</script>',
  '<script src="x.js">',
  '<script >x</script >',
  '<img src=x onerror="alert(1)">',
  '<a href="javascript:alert(1)">x</a>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><style><img src=x onerror=alert(1)></style></svg>',
  '<!-- never closed',
  '<textarea>',
  '<title>',
  '<xmp>',
  '<iframe>',
  '<noscript>',
  '<style>',
  '<plaintext>',
  '<template>',
  '<div class="x',
  '</p',
  '<details>',
  '<p style="color: red">styled</p>',
  '<button onclick="x()">Begin the course</button>',
  '<section class="cm-quiz" data-cm-quiz=\'{"n":1}\'></section>',
  '{: onclick="alert(1)"}',
  '{: .unclosed',
  'text {: .mid} text',
  '\\{: escaped',
  '&#123;: entity',
]
const html = fc
  .tuple(pick, fraction, fc.constantFrom(...HTML))
  .map(([p, at, what]) => insert('HTML injection', p, at, what))

const NAMES = [
  'a page.md',
  'é中文.md',
  'a#b.md',
  'q?.md',
  '100%.md',
  '-dash.md',
  `${'x'.repeat(200)}.md`,
  'sub/index.md',
  'ch1/index.md',
  'README.md',
  '_draft.md',
  '.hidden.md',
  'x.MD',
]
const oddName = fc.tuple(pick, fc.constantFrom(...NAMES)).map(
  ([p, name]): Mutation => ({
    kind: 'odd file name',
    name: `a copy named ${name}`,
    apply: (files) => {
      const text = textOf(files, pageAt(files, p)).replace(/^serial:.*$/m, `serial: ${1000 + name.length}`)
      files.set(name, text)
    },
  }),
)

const CLASHES: [string, string | { symlink: string }][] = [
  ['ch1', 'a file where a page needs a folder'],
  ['ch1/s1/index.html', 'a file at a page’s own path'],
  ['ch1/s1/index.html/x.txt', 'a folder where a page is written'],
  ['assets/coursemark.abc.js', 'among coursemark’s assets'],
  ['assets', 'a file where coursemark writes a folder'],
  ['.coursemark-site.json', 'the marker'],
  ['link-out', { symlink: '/etc' }],
  ['loop', { symlink: '.' }],
  ['dangling.md', { symlink: 'nowhere.md' }],
  ['twin.md', { symlink: 'index.md' }],
]
const clash = fc.constantFrom(...CLASHES).map(
  ([path, content]): Mutation => ({
    kind: 'clashing file or link',
    name: `${path} added`,
    apply: (files) => files.set(path, content),
  }),
)

const removed = pick.map(
  (p): Mutation => ({ kind: 'truncation', name: 'a page removed', apply: (files) => files.delete(pageAt(files, p)) }),
)

/** One mutation of any kind. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  truncate,
  randomBytes,
  lineEnds,
  bom,
  yamlField,
  bomb,
  serialClash,
  deep,
  hugeTable,
  liquid,
  badBank,
  badN,
  html,
  oddName,
  clash,
  removed,
)
