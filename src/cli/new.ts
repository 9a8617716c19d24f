/** `coursemark new DIR`: starts a course that builds and checks clean, and says what to do next. */
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { newCoursePages } from '../author/new-course.ts'
import { publishFiles } from '../author/publish-files.ts'
import { UserError } from '../diagnostics/user-error.ts'
import { VERSION } from './version.ts'

export const NEW_HELP = `Usage: coursemark new DIR

Starts a course in DIR (made if needed; it must be empty): an index, a
chapter, two sections and a quiz written in the readable form. It builds and
checks without a warning, and its pages say how to make it your own. Beside
them go a .gitignore and .github/workflows/pages.yml, which publishes the
course on GitHub Pages when the folder is pushed as a repository.

Options:
  -h, --help   show this help`

const PUBLISH_NOTE = `To publish it on GitHub Pages, push the folder as a repository of its own, and
in its Settings > Pages choose "GitHub Actions": .github/workflows/pages.yml
then builds and publishes the course at every push to main.
`

export async function runNew(args: { dir: string | undefined }): Promise<number> {
  if (args.dir === undefined)
    throw new UserError('Name the folder to start the course in: `coursemark new my-course`.', { usage: true })
  const dir = resolve(args.dir)
  let entries: string[] | null = null
  try {
    if (!statSync(dir).isDirectory())
      throw new UserError(`${args.dir} is a file, not a folder.`, { hint: 'Name a new folder, or an empty one.' })
    entries = readdirSync(dir)
  } catch (e) {
    if (e instanceof UserError) throw e
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new UserError(`${args.dir} cannot be used (${(e as NodeJS.ErrnoException).code ?? String(e)}).`)
  }
  if (entries?.length) {
    throw new UserError(`${args.dir} is not empty, so no course was started there.`, {
      hint: 'Name a new folder, or an empty one: coursemark never writes over your files.',
    })
  }
  const files = new Map([...newCoursePages(basename(dir)), ...publishFiles(VERSION)])
  for (const [name, text] of files) {
    mkdirSync(dirname(join(dir, name)), { recursive: true })
    writeFileSync(join(dir, name), text, { flag: 'wx' })
  }
  const shown = /^[\w./@%+=:,-]+$/.test(args.dir) ? args.dir : `'${args.dir.replace(/'/g, `'\\''`)}'`
  const next = [
    [`coursemark dev ${shown}`, 'preview it on localhost, rebuilt as you edit'],
    [`coursemark check ${shown}`, 'find mistakes before learners do'],
    [`coursemark build ${shown} --out _site`, 'make the site to publish'],
  ]
  const width = Math.max(...next.map(([c]) => c!.length))
  process.stdout.write(
    `Started a course in ${args.dir}:\n${[...files.keys()].map((f) => `  ${f}\n`).join('')}\nNext:\n${next.map(([c, what]) => `  ${c!.padEnd(width)}   ${what}\n`).join('')}\n${PUBLISH_NOTE}`,
  )
  return 0
}
