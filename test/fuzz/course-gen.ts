/**
 * Valid courses for the fuzz suite: an index, one to three chapters of one
 * to three sections, with what the reference course writes (attribute
 * lists, quizzes in base64 and readable form, Liquid on the index, a legacy
 * `<style>`, buttons and `<script>`, links, images, tables, code) in random
 * amounts and random words, Unicode included. mutations.ts then breaks them.
 */
import fc from 'fast-check'

/** A course as files: path → text or bytes, or a symbolic link. */
export type CourseFiles = Map<string, string | Uint8Array | { symlink: string }>

const WORDS = [
  'listen',
  'chat',
  'feelings',
  'reflect',
  'safe',
  'café',
  'naïve',
  'Zoë',
  '中文',
  'مرحبا',
  'שלום',
  '🙂',
  'don’t',
  "it's",
  'a',
  'the',
  '--',
  '...',
  '<3',
  '&amp;',
  '&hellip;',
  '*care*',
  '**trust**',
  '`code`',
  '"quoted"',
]

const word = fc.constantFrom(...WORDS)
const sentence = fc.array(word, { minLength: 2, maxLength: 12 }).map((w) => `${w.join(' ')}.`)
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => s.join(' '))
/** Plain text for titles and statements: no Markdown that could change their shape. */
const plain = fc
  .array(fc.constantFrom('Water', 'is', 'wet', 'fire', 'cold', 'Zoë', 'café', '中文', 'listening', 'helps'), {
    minLength: 1,
    maxLength: 6,
  })
  .map((w) => w.join(' '))

/** One block of a section's body, besides the quiz. */
function block(pages: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: paragraph },
    {
      weight: 2,
      arbitrary: fc
        .tuple(paragraph, fc.constantFrom('.conv', '.showul', '#note .wide', 'data-x="1"'))
        .map(([p, a]) => `${p}\n{: ${a}}`),
    },
    { weight: 1, arbitrary: fc.constantFrom(...pages).map((p) => `See [the page](${p}) and ![a picture](img/a.png).`) },
    {
      weight: 1,
      arbitrary: fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => s.map((x) => `- ${x}`).join('\n')),
    },
    { weight: 1, arbitrary: fc.tuple(plain, plain).map(([a, b]) => `| ${a} | ${b} |\n|---|---|\n| ${b} | ${a} |`) },
    { weight: 1, arbitrary: plain.map((p) => `\`\`\`\n{: ${p} } {% raw %}{{ x }} {% if %}{% endraw %}\n\`\`\``) },
    { weight: 1, arbitrary: plain.map((p) => `### ${p}`) },
    { weight: 1, arbitrary: plain.map((p) => `<div class="box" style="color: teal">${p}</div>`) },
    { weight: 1, arbitrary: plain.map((p) => `> ${p}`) },
  )
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64')

/** A quiz paragraph and its bank, each item base64 or readable; data-n within the bank. */
const quiz = fc
  .tuple(
    fc.array(fc.tuple(plain, fc.boolean(), plain, fc.boolean()), { minLength: 1, maxLength: 8 }),
    fc.boolean(),
    fc.nat(),
  )
  .map(([items, yesNo, n]) => {
    const options = yesNo ? ['Yes', 'No'] : ['True', 'False']
    const bank = items.map(([statement, right, why, readable], k) => {
      const text = `${statement} ${k}.`
      return readable
        ? `- ${text}\n  - ${right ? options[0] : options[1]}: ${why}`
        : `- ${b64(`${text}/${right ? 'Y' : 'N'}/${why}`)}`
    })
    const opt = yesNo ? ' data-opt="Yes,No"' : ''
    return `Mark each statement:\n{: data-n="${1 + (n % items.length)}"${opt}}\n\n${bank.join('\n')}`
  })

const NO_QUIZ = 'Nothing to answer here.\n{: data-n="0"}'

/** The index: prose, and maybe a Liquid loop over the pages, a style, legacy buttons and a script. */
const index = fc
  .record({
    title: plain,
    text: paragraph,
    liquid: fc.boolean(),
    legacy: fc.boolean(),
  })
  .map(({ title, text, liquid, legacy }) => {
    const parts = [`---\ntitle: ${title}\nclass: index\n---\n${text}`]
    if (legacy)
      parts.push(
        '<style>\nh4 {margin: 0}\n</style>',
        '<button id="reset" onclick="resetSection()">Reset the Course</button>\n<button hidden="true" id="begin" onclick="nextpage()">Begin the Course</button>',
      )
    if (liquid)
      parts.push(
        '{% for p in site.pages %}{% if p.class == "section" %}\n#### {{ p.title }}\n{: .section data-serial="{{ p.serial }}"}\n{% endif %}{% endfor %}',
      )
    if (legacy) parts.push("<script>\nvar s = $('[data-serial]').last()\n</script>")
    return `${parts.join('\n\n')}\n`
  })

/** A section's or chapter's text, given its serial and the files of the course's other pages. */
function page(kind: 'chapter' | 'section', serial: number, pages: string[]): fc.Arbitrary<string> {
  const body = fc.array(block(pages), { minLength: 1, maxLength: 5 })
  const ending =
    kind === 'chapter'
      ? fc.constant('')
      : fc.oneof({ weight: 4, arbitrary: quiz }, { weight: 1, arbitrary: fc.constant(NO_QUIZ) })
  return fc
    .tuple(plain, body, ending)
    .map(
      ([title, blocks, end]) =>
        `---\ntitle: ${title}\nclass: ${kind}\nserial: ${serial}\n---\n${[...blocks, end].filter(Boolean).join('\n\n')}\n`,
    )
}

/** A valid course: the shape first (how many chapters and sections), then each page. */
export const validCourse: fc.Arbitrary<CourseFiles> = fc
  .array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 })
  .chain((chapters) => {
    const names: { file: string; kind: 'chapter' | 'section'; serial: number }[] = []
    let serial = 1
    chapters.forEach((sections, c) => {
      names.push({ file: `ch${c + 1}.md`, kind: 'chapter', serial: serial++ })
      for (let s = 0; s < sections; s++)
        names.push({ file: `ch${c + 1}/s${s + 1}.md`, kind: 'section', serial: serial++ })
    })
    // Links are relative to the linking page's folder; these point from a chapter folder.
    const targets = names.filter((n) => n.kind === 'section').map((n) => n.file.split('/')[1]!)
    return fc.tuple(index, ...names.map((n) => page(n.kind, n.serial, targets))).map(([idx, ...texts]) => {
      const files: CourseFiles = new Map()
      files.set('index.md', idx)
      for (const [k, n] of names.entries()) files.set(n.file, texts[k]!)
      files.set('ch1/img/a.png', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
      files.set('notes.pdf', '%PDF-1.4\n')
      return files
    })
  })
