/**
 * Hugo and Jekyll building the same pages as coursemark, for the ratios.
 *
 * Each gets a site made in a temporary folder from `bench/samples/<tool>/`
 * (configuration and a minimal page layout) plus copies of the course's
 * pages. What they do and do not do is in the README's Benchmark section:
 * both render every page's Markdown into a page shell and write one HTML page
 * per source page; neither decodes quiz banks, renders progress dots or
 * hashes assets, and Hugo's goldmark leaves `{: …}` lists and Liquid as text.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs'
import { basename, delimiter, join } from 'node:path'
import { type BenchCourse, markdownFiles, ROOT } from './courses.ts'
import type { Command } from './measure.ts'

/** A static site generator found on this machine. */
export interface Rival {
  /** `Hugo` or `Jekyll`. */
  name: string
  /** Absolute path of its program. */
  program: string
  /** Its version line, for the table's heading. */
  version: string
}

/** The program on PATH, or null. */
function which(program: string): string | null {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, program))) return join(dir, program)
  }
  return null
}

function firstLine(program: string, args: string[]): string {
  const r = spawnSync(program, args, { encoding: 'utf8' })
  return `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n')[0] ?? ''
}

/** Hugo, or null when it is not installed. */
export function findHugo(): Rival | null {
  const program = which('hugo')
  return program
    ? { name: 'Hugo', program, version: firstLine(program, ['version']).replace(/ BuildDate.*$/, '') }
    : null
}

/** Jekyll, or null when it is not installed. */
export function findJekyll(): Rival | null {
  const program = which('jekyll')
  return program ? { name: 'Jekyll', program, version: firstLine(program, ['--version']) } : null
}

/**
 * A Hugo site holding the course's pages as one section named after the
 * course folder. The index becomes the section's `_index.md`: in Hugo an
 * `index.md` would turn the folder into a leaf bundle and hide the other
 * pages.
 */
export function hugoCommand(hugo: Rival, course: BenchCourse, scratch: string): Command {
  const site = join(scratch, `hugo-${course.scale}-${course.name}`)
  const out = join(scratch, `hugo-${course.scale}-${course.name}-out`)
  cpSync(join(ROOT, 'bench', 'samples', 'hugo'), site, { recursive: true })
  const section = join(site, 'content', basename(course.dir))
  mkdirSync(section, { recursive: true })
  for (const file of markdownFiles(course.dir)) {
    cpSync(join(course.dir, file), join(section, file === 'index.md' ? '_index.md' : file))
  }
  return {
    program: hugo.program,
    args: ['--quiet', '--source', site, '--destination', out],
    cwd: site,
    before: () => rmSync(out, { recursive: true, force: true }),
  }
}

/**
 * A Jekyll site holding the course's pages as the collection they were
 * written for (`_listen/`, so the index's `site.listen` loop runs).
 * `--disable-disk-cache` keeps every run as cold as coursemark's.
 */
export function jekyllCommand(jekyll: Rival, course: BenchCourse, scratch: string): Command {
  const collection = basename(course.dir)
  if (collection !== 'listen')
    throw new Error(`bench/samples/jekyll/_config.yml names the collection "listen", not "${collection}"`)
  const site = join(scratch, `jekyll-${course.name}`)
  const out = join(scratch, `jekyll-${course.name}-out`)
  cpSync(join(ROOT, 'bench', 'samples', 'jekyll'), site, { recursive: true })
  mkdirSync(join(site, `_${collection}`), { recursive: true })
  for (const file of markdownFiles(course.dir)) cpSync(join(course.dir, file), join(site, `_${collection}`, file))
  return {
    program: jekyll.program,
    args: ['build', '--quiet', '--disable-disk-cache', '--source', site, '--destination', out],
    cwd: site,
    before: () => rmSync(out, { recursive: true, force: true }),
  }
}
