/**
 * The interface's language, as an author meets it through the CLI: the
 * index's `lang` picks the catalogue, `ui:` overrides messages and is
 * checked (build and check say the same), a language without a catalogue
 * falls back to English with a warning, and only the course's language
 * ships in its scripts.
 */
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { cli, tempPath, validCourse, writeCourse } from '../helpers/course.ts'
import { siteTree } from '../helpers/site-tree.ts'

/** The valid course with its index's front matter given `extra` lines. */
function courseWithIndex(extra: string, files: Record<string, string> = {}): string {
  const index = `---\ntitle: Test course\nclass: index\ncourse_id: test-course\n${extra}\n---\nWelcome.\n`
  return writeCourse({ 'index.md': index, ...files }, validCourse())
}

/** Every script the built site ships, joined. */
function scripts(out: string): string {
  return [...siteTree(out).keys()]
    .filter((f) => /^assets\/.*\.js$/.test(f))
    .map((f) => readFileSync(join(out, f), 'utf8'))
    .join('\n')
}

const BAD_OVERRIDES = `lang: fr
ui:
  quiz.scor: Corriger
  quiz.failed: "{correct} bonnes réponses"
  quiz.passed: "Bravo {name}, {total} sur {total}"
  index.begin: "Commencer {"`

test('build stops on a bad ui: override, each at its key with a hint, and writes nothing', () => {
  const dir = courseWithIndex(BAD_OVERRIDES)
  const out = tempPath()
  const r = cli(['build', dir, '--out', out])
  assert.equal(r.code, 1)
  assert.ok(
    r.stderr.includes(
      'index.md:7:3: error: ui: "quiz.scor" is not the key of a message. [ui/unknown-key]\n' +
        '  7 |   quiz.scor: Corriger\n' +
        '    |   ^\n' +
        '  hint: Did you mean quiz.score? The quiz messages are quiz.title, quiz.needsJs, quiz.true, quiz.false, quiz.score,',
    ),
    r.stderr,
  )
  for (const line of [
    'index.md:8:16: error: ui: the message for quiz.failed drops {total}. [ui/placeholder]',
    '  hint: quiz.failed takes {correct} and {total}, each where its value goes. In English: "{correct} of {total} correct.',
    'index.md:9:16: error: ui: the message for quiz.passed uses {name}, which it does not have. [ui/placeholder]',
    'index.md:10:16: error: ui: the message for index.begin does not parse: a `{` starts a placeholder',
    '  hint: index.begin takes no placeholders: write no { or }. In English: "Begin the course"',
  ])
    assert.ok(r.stderr.includes(line), `${line}\nin\n${r.stderr}`)
  assert.match(r.stderr, /Build failed: 4 errors\. Nothing was written\./)
  assert.equal(existsSync(out), false)
})

test('check reports the same bad overrides, in text and JSON', () => {
  const dir = courseWithIndex(BAD_OVERRIDES)
  const r = cli(['check', dir])
  assert.equal(r.code, 1)
  assert.match(r.stdout, /index\.md:7:3: error: ui: "quiz\.scor" is not the key of a message\. \[ui\/unknown-key\]/)
  const json = JSON.parse(cli(['check', dir, '--format', 'json']).stdout) as {
    diagnostics: { code: string; line: number; column: number; hint?: string }[]
  }
  const ui = json.diagnostics.filter((d) => d.code.startsWith('ui/'))
  assert.deepEqual(
    ui.map((d) => [d.code, d.line, d.column]),
    [
      ['ui/unknown-key', 7, 3],
      ['ui/placeholder', 8, 16],
      ['ui/placeholder', 9, 16],
      ['ui/syntax', 10, 16],
    ],
  )
  assert.ok(ui.every((d) => d.hint))
  for (const d of ui)
    assert.deepEqual(Object.keys(d).sort(), ['code', 'column', 'file', 'hint', 'line', 'message', 'severity'])
})

test('a ui: that is not a map, or a message that is not text, is an error at its line', () => {
  const notMap = cli(['check', courseWithIndex('ui: Check my answers')])
  assert.equal(notMap.code, 1)
  assert.match(notMap.stdout, /index\.md:5:1: error: `ui` must be a list of `key: message` lines\. \[ui\/not-a-map\]/)
  const notText = cli(['check', courseWithIndex('ui:\n  quiz.true: 1')])
  assert.match(
    notText.stdout,
    /index\.md:6:14: error: ui: the message for quiz\.true must be text, not 1\. \[ui\/not-text\]/,
  )
})

test('an override replaces its message in the pages and in the script, in a language with a catalogue', () => {
  const dir = courseWithIndex(
    'lang: fr\nui:\n  index.begin: "C’est parti !"\n  quiz.score: Corriger\n  quiz.retry: Encore',
  )
  const out = tempPath()
  const r = cli(['build', dir, '--out', out])
  assert.equal(r.code, 0, r.stderr)
  assert.equal(r.stderr, '', 'no warning: French has a catalogue')
  const index = readFileSync(join(out, 'index.html'), 'utf8')
  assert.match(index, /<html lang="fr" dir="ltr"/)
  assert.match(index, /data-cm-action="begin">C’est parti !<\/button>/)
  assert.match(index, /data-cm-action="continue">Continuer la formation<\/button>/)
  // The Score button is in the page (the quiz is rendered at build time); Retry is the runtime's.
  const section = readFileSync(join(out, 's1', 'index.html'), 'utf8')
  assert.match(section, /class="cm-score"[^>]*>Corriger<\/button>/, 'the override is in the page')
  const js = scripts(out)
  assert.ok(js.includes('"Encore"'), 'the override is in the script')
  assert.ok(!js.includes('"Valider"') && !section.includes('Valider'), 'the catalogue’s message it replaces is not')
})

test('only the course’s language ships: a French site’s scripts hold no other language’s words', () => {
  const out = tempPath()
  assert.equal(cli(['build', courseWithIndex('lang: fr'), '--out', out]).code, 0)
  const js = scripts(out)
  for (const french of ['Section suivante', 'Relire cette section', 'Transférer votre progression'])
    assert.ok(js.includes(french), french)
  for (const other of ['Next section', 'Score', 'Siguiente sección', 'Auswerten', 'Nakijken', 'quiz.score'])
    assert.ok(!js.includes(`"${other}"`), `${other} is not shipped`)
  const section = readFileSync(join(out, 's1', 'index.html'), 'utf8')
  assert.match(section, /<h2 id="cm-quiz-title">Quiz<\/h2>/)
  assert.match(
    section,
    /value="0"> Vrai<\/label><label><input [^>]*value="1"> Faux<\/label>/,
    'default answers in French',
  )
  assert.match(section, /<title>Section one – Test course<\/title>/)
  assert.match(section, /<a class="cm-skip" href="#cm-main">Aller au contenu<\/a>/)
})

test('a language without a catalogue falls back to English, with a warning naming what stays English', () => {
  const dir = courseWithIndex('lang: sw\nui:\n  quiz.score: Angalia\n  index.begin: Anza kozi')
  const out = tempPath()
  const r = cli(['build', dir, '--out', out])
  assert.equal(r.code, 0, r.stderr)
  const warning = r.stderr.split('\n').find((l) => l.includes('[ui/no-catalogue]'))
  assert.ok(warning, r.stderr)
  assert.match(warning, /^index\.md:5:1: warning: coursemark has no messages in "sw", so \d+ of its \d+ messages/)
  assert.ok(warning.includes('page.skip, page.footer'), 'names the missing keys')
  assert.ok(!warning.includes('quiz.score,') && !warning.includes('index.begin,'), 'not the ones the author gave')
  const index = readFileSync(join(out, 'index.html'), 'utf8')
  assert.match(index, /data-cm-action="begin">Anza kozi<\/button>/)
  assert.match(index, /data-cm-action="continue">Continue the course<\/button>/)
  assert.match(readFileSync(join(out, 's1', 'index.html'), 'utf8'), /class="cm-score"[^>]*>Angalia<\/button>/)
  assert.equal(cli(['check', dir]).stdout.includes('[ui/no-catalogue]'), true, 'check says so too')
})

test('a page’s own lang wins for its page: its words, its script, its dir', () => {
  const dir = courseWithIndex('lang: en', {
    's2.md': '---\ntitle: Sección dos\nclass: section\nserial: 3\nlang: es\n---\nTexto.\n',
    's3.md': '---\ntitle: سلام\nclass: section\nserial: 4\nlang: ar\n---\nنص.\n',
  })
  const out = tempPath()
  assert.equal(cli(['build', dir, '--out', out]).code, 0)
  const page = (id: string) => readFileSync(join(out, id, 'index.html'), 'utf8')
  const scriptOf = (html: string) => /<script defer src="([^"]+)"/.exec(html)?.[1]
  assert.match(page('s2'), /<html lang="es" dir="ltr"/)
  assert.match(page('s2'), /Ir al contenido/)
  assert.match(page('s3'), /<html lang="ar" dir="rtl"/)
  assert.match(page('s3'), /الانتقال إلى المحتوى/)
  assert.match(page('s1'), /<html lang="en" dir="ltr"/)
  const three = new Set([scriptOf(page('s1')), scriptOf(page('s2')), scriptOf(page('s3'))])
  assert.equal(three.size, 3, 'a script per language')
})

test('ui: on a page that is not the index changes nothing, and says so', () => {
  const dir = courseWithIndex('lang: en', {
    's2.md': '---\ntitle: Two\nclass: section\nserial: 3\nui:\n  quiz.score: Check\n---\nText.\n',
  })
  const r = cli(['check', dir])
  assert.match(
    r.stdout,
    /s2\.md:5:1: warning: `ui:` here changes nothing: messages are set for the whole course, in the index\. \[ui\/not-index\]/,
  )
})
