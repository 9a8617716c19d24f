/** `coursemark new DIR`: starts a course that builds and checks clean, and says what to do next. */
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { UserError } from '../diagnostic.ts'
import { UsageError } from './usage-error.ts'

export const NEW_HELP = `Usage: coursemark new DIR

Starts a course in DIR (made if needed; it must be empty): an index, a
chapter, two sections and a quiz written in the readable form. It builds and
checks without a warning, and its pages say how to make it your own.

Options:
  -h, --help   show this help`

export async function runNew(args: { dir: string | undefined }): Promise<number> {
  if (args.dir === undefined)
    throw new UsageError('Name the folder to start the course in: `coursemark new my-course`.')
  const dir = resolve(args.dir)
  let entries: string[] | null = null
  try {
    if (!statSync(dir).isDirectory())
      throw new UserError(`${args.dir} is a file, not a folder.`, 'Name a new folder, or an empty one.')
    entries = readdirSync(dir)
  } catch (e) {
    if (e instanceof UserError) throw e
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new UserError(`${args.dir} cannot be used (${(e as NodeJS.ErrnoException).code ?? String(e)}).`)
  }
  if (entries && entries.length) {
    throw new UserError(
      `${args.dir} is not empty, so no course was started there.`,
      'Name a new folder, or an empty one: coursemark never writes over your files.',
    )
  }
  const files = scaffold(titleOf(basename(dir)))
  mkdirSync(dir, { recursive: true })
  for (const [name, text] of files) writeFileSync(join(dir, name), text, { flag: 'wx' })
  const shown = /^[\w./@%+=:,-]+$/.test(args.dir) ? args.dir : `'${args.dir.replace(/'/g, `'\\''`)}'`
  const next = [
    [`coursemark dev ${shown}`, 'preview it on localhost, rebuilt as you edit'],
    [`coursemark check ${shown}`, 'find mistakes before learners do'],
    [`coursemark build ${shown} --out _site`, 'make the site to publish'],
  ]
  const width = Math.max(...next.map(([c]) => c!.length))
  process.stdout.write(
    `Started a course in ${args.dir}:\n${[...files.keys()].map((f) => `  ${f}\n`).join('')}\nNext:\n${next.map(([c, what]) => `  ${c!.padEnd(width)}   ${what}\n`).join('')}`,
  )
  return 0
}

/** `my-first_course` → `My first course`. */
function titleOf(name: string): string {
  const words = name.replace(/[-_.]+/g, ' ').trim()
  return words ? words[0]!.toUpperCase() + words.slice(1) : 'My course'
}

/** The pages of a new course, by file name, in course order. */
function scaffold(title: string): Map<string, string> {
  const quote = (s: string) => (/^[\w ]+$/.test(s) ? s : JSON.stringify(s))
  return new Map([
    [
      'index.md',
      `---
title: ${quote(title)}
class: index
---
Welcome to **${title.replace(/[*_\\`[\]<>]/g, '\\$&')}**. Learners start here: the buttons and the outline
below take them through the chapters and sections in order.

This page is \`index.md\`. Write what the course is about, who it is for and
how long it takes.
`,
    ],
    [
      'getting-started.md',
      `---
title: "Chapter 1: Getting started"
class: chapter
serial: 1
---
A chapter page opens a chapter: the sections after it, in \`serial\` order,
belong to it until the next chapter page.

Say here what the chapter covers.
`,
    ],
    [
      'writing-pages.md',
      `---
title: Writing pages
class: section
serial: 2
---
Each page is a Markdown file that starts with front matter: a \`title\`, a
\`class\` (\`index\`, \`chapter\` or \`section\`) and, on chapters and sections,
a \`serial\` that sets its place in the course.

### Links and pictures

Link to another page by its file, like this link to
[the next section](quizzes.md); put pictures in the course folder and show
them with \`![what the picture shows](picture.png)\`.

This section has no quiz, so learners go on with a button.
{: data-n="0"}
`,
    ],
    [
      'quizzes.md',
      `---
title: Quizzes
class: section
serial: 3
---
A section can end with a quiz. The paragraph that introduces it carries
\`data-n\`, the number of statements each attempt shows; the list after it is
the bank they are drawn from. Under each statement, say whether it is True or
False, and why.

Mark each statement True or False, then press Score:
{: data-n="2"}

- A quiz shows every statement of its bank at once.
  - False: Each attempt draws data-n statements at random from the bank.
- A learner who answers every statement right opens the next section.
  - True: An all-correct quiz unlocks what comes next.
- A wrong answer shows the right one and its explanation.
  - True: That is what the text after the colon is for.
- Learners' progress is sent to the course author.
  - False: Progress stays in the learner's browser.
`,
    ],
  ])
}
