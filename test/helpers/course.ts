/**
 * Small courses for tests, written to a fresh temporary folder, and the CLI
 * run as a separate process, the way an author meets it.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { tempDir } from './temp.ts'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const BIN = join(ROOT, 'bin', 'coursemark.js')
export const CORPUS = join(ROOT, '..', 'shared', 'corpus', 'listen')

/** base64 of UTF-8 `statement/Y|N/explanation`, as the reference banks are written. */
export function item(statement: string, answer: 'Y' | 'N', explanation: string): string {
  return Buffer.from(`${statement}/${answer}/${explanation}`, 'utf8').toString('base64')
}

/** A valid three-page course: index, a chapter, a section with a 2-of-4 quiz. */
export function validCourse(): Record<string, string> {
  return {
    'index.md': '---\ntitle: Test course\nclass: index\n---\nWelcome.\n',
    'ch1.md': '---\ntitle: Chapter one\nclass: chapter\nserial: 1\n---\nAbout chapter one.\n',
    's1.md': [
      '---',
      'title: Section one',
      'class: section',
      'serial: 2',
      '---',
      'Some text.',
      '',
      'Mark each statement:',
      '{: data-n="2"}',
      '',
      `- ${item('Water is wet.', 'Y', 'It is.')}`,
      `- ${item('Fire is cold.', 'N', 'It is hot.')}`,
      `- ${item('Snow is white.', 'Y', 'Mostly.')}`,
      `- ${item('Grass is blue.', 'N', 'It is green.')}`,
      '',
    ].join('\n'),
  }
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
