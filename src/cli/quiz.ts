/** `coursemark quiz decode FILE…` and `coursemark quiz encode [--dry-run] FILE…` */
import {
  chmodSync,
  constants,
  copyFileSync,
  existsSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.ts'
import { quizAnswers } from '../author/quiz-answers.ts'
import { decodeBanks, encodeBanks, type BankRewrite } from '../author/rewrite-banks.ts'
import { loadYaml } from '../load/yaml-fields.ts'
import { formatDiagnostics } from '../diagnostics/format.ts'
import { UserError } from '../diagnostics/user-error.ts'
import { styleFor } from './report-style.ts'

export const QUIZ_HELP = `Usage: coursemark quiz decode FILE…
       coursemark quiz encode [--dry-run] FILE…

Turns the quiz bank of course pages between its two forms: base64 items, and
readable items (the statement, then its answer and why as a sub-item):

    - Listeners may share details of chats with other listeners.
      - False: Keep all details of chats confidential.

  decode   prints each page with its bank in the readable form; writes nothing
           (redirect the output to keep it)
  encode   rewrites the readable items of each page as base64, in place, after
           copying the page to FILE.bak (an existing backup is never replaced)

Decoding and then encoding a page gives back the same file, byte for byte.
A quiz without data-opt answers in the course's language: True and False in
English, Vrai and Faux in French (the page's lang, else that of the course's
index.md, found in the page's folder or above).

Options:
  -n, --dry-run   encode: print the encoded pages instead of writing them
  -h, --help      show this help`

export async function runQuiz(args: { action: string | undefined; files: string[]; dryRun: boolean }): Promise<number> {
  if (args.action !== 'decode' && args.action !== 'encode') {
    throw new UserError(
      args.action === undefined
        ? 'Say what to do: `coursemark quiz decode FILE…` or `coursemark quiz encode FILE…`.'
        : `Unknown quiz action "${args.action}": use decode or encode. Run \`coursemark quiz --help\`.`,
      { usage: true },
    )
  }
  if (!args.files.length)
    throw new UserError(`Name the pages to ${args.action}: \`coursemark quiz ${args.action} FILE…\`.`, { usage: true })
  if (args.dryRun && args.action === 'decode')
    throw new UserError('--dry-run goes with encode; decode never writes. Run `coursemark quiz --help`.', {
      usage: true,
    })

  // Pages whose front matter the quick reader cannot take need the YAML library; load it once, up front.
  await loadYaml()
  const style = styleFor(process.stderr)
  const several = args.files.length > 1
  let failed = false
  const report = (file: string, text: string, diagnostics: Diagnostic[]) => {
    if (diagnostics.length)
      process.stderr.write(`${formatDiagnostics(diagnostics, new Map([[file, text]]), style)}\n\n`)
    if (hasErrors(diagnostics)) failed = true
  }
  args.files.forEach((file, k) => {
    let text: string
    try {
      text = readFileSync(file, 'utf8')
    } catch (e) {
      process.stderr.write(`coursemark: ${file} cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)}).\n`)
      failed = true
      return
    }
    // Paths in diagnostics are the ones given, so that an editor can open them.
    const answers = quizAnswers({ path: file, text }, courseIndex(file))
    const result: BankRewrite =
      args.action === 'decode' ? decodeBanks(file, text, answers) : encodeBanks(file, text, answers)
    report(file, text, result.diagnostics)
    if (args.action === 'decode' || args.dryRun) {
      // Like head(1): a header per file only when there are several.
      if (several) process.stdout.write(`${k ? '\n' : ''}==> ${file} <==\n`)
      process.stdout.write(result.text)
      return
    }
    if (hasErrors(result.diagnostics)) {
      process.stderr.write(`${file}: not changed.\n`)
      return
    }
    if (result.rewritten === 0) {
      process.stdout.write(`${file}: no readable items to encode; left as it was.\n`)
      return
    }
    const backup = `${file}.bak`
    try {
      copyFileSync(file, backup, constants.COPYFILE_EXCL)
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code
      process.stderr.write(
        code === 'EEXIST'
          ? `coursemark: ${backup} already exists, so ${file} was not changed.\n  hint: Move the old backup away, or see the result first with --dry-run.\n`
          : `coursemark: cannot back up ${file} to ${backup} (${code ?? String(e)}), so it was not changed.\n`,
      )
      failed = true
      return
    }
    replaceFile(file, result.text)
    process.stdout.write(
      `${file}: encoded ${result.rewritten} readable item${result.rewritten === 1 ? '' : 's'} (backup: ${backup}).\n`,
    )
  })
  return failed ? 1 : 0
}

/**
 * The index of the course `file` belongs to: the nearest `index.md` in its
 * folder or above whose front matter says `class: index`. Its `lang` (and
 * `ui:`) name the answers of a quiz without `data-opt`.
 */
function courseIndex(file: string): { path: string; text: string } | null {
  for (let dir = dirname(resolve(file)); ; dir = dirname(dir)) {
    const path = join(dir, 'index.md')
    if (existsSync(path)) {
      const text = readFileSync(path, 'utf8')
      if (/^class:[ \t]*index[ \t]*$/m.test(text)) return { path, text }
    }
    if (dirname(dir) === dir) return null
  }
}

/**
 * Writes beside the file and renames over it, keeping its mode: the page is
 * whole at every moment. The temporary name starts with a dot, which the
 * build and `dev` never read.
 */
function replaceFile(file: string, text: string): void {
  const temp = join(dirname(file), `.${basename(file)}.coursemark-${process.pid}.tmp`)
  writeFileSync(temp, text)
  chmodSync(temp, statSync(file).mode & 0o7777)
  renameSync(temp, file)
}
