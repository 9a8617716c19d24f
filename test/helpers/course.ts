/**
 * Small courses for tests, written to a fresh temporary folder, and the CLI
 * run as a separate process, the way an author meets it.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { tempDir } from './temp.ts'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const BIN = join(ROOT, 'bin', 'coursemark.js')
export const CORPUS = join(ROOT, '..', 'shared', 'corpus', 'listen')

/** base64 of UTF-8 `statement/Y|N/explanation`, as the reference banks are written. */
export function item(statement: string, answer: 'Y' | 'N', explanation: string): string {
  return Buffer.from(`${statement}/${answer}/${explanation}`, 'utf8').toString('base64')
}

/** Input courses and the output expected of them, one folder per case (test/fixtures/). */
export const FIXTURES = join(ROOT, 'test', 'fixtures')

/** The files under `dir` (none when it does not exist), as path relative to it → text. */
export function readFixture(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {}
  const files: Record<string, string> = {}
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const abs = join(entry.parentPath, entry.name)
    files[relative(dir, abs).split(sep).join('/')] = readFileSync(abs, 'utf8')
  }
  return files
}

/** The fixture folders under `test/fixtures/<group>/`, each with its name as a sentence (dashes as spaces). */
export function fixtureCases(group: string): { name: string; dir: string }[] {
  return readdirSync(join(FIXTURES, group))
    .sort()
    .map((slug) => ({ name: slug.replace(/-/g, ' '), dir: join(FIXTURES, group, slug) }))
}

/** A valid three-page course (test/fixtures/valid-course/): index, a chapter, a section with a 2-of-4 quiz. */
export function validCourse(): Record<string, string> {
  return readFixture(join(FIXTURES, 'valid-course'))
}

/** Writes `files` (path → text; null deletes a file of the base) into a new temporary folder. */
export function writeCourse(files: Record<string, string | null>, base: Record<string, string> = {}): string {
  const dir = tempDir('cm-course-')
  const all = { ...base, ...files }
  for (const [path, text] of Object.entries(all)) {
    if (text === null) continue
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  return dir
}

export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs `coursemark ARGS` as a child process. */
export function cli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    timeout: 60_000,
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** A fresh temporary folder path that does not exist yet. */
export function tempPath(name = 'out'): string {
  return join(tempDir('cm-'), name)
}
