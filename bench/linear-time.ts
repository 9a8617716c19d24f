/**
 * Linear time on hostile pages (issue 15): for each shape that once made a
 * regular expression or a parser take quadratic time, a one-page course of
 * about 0.02, 0.2 and 2 MB (the page size limit) is built as a cold
 * process. The row compares the time per MB from 0.2 to 2 MB with the time
 * per MB from 0.02 to 0.2 MB: about 1 when time grows linearly, about 11
 * when it grows with the square of the size.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './courses.ts'
import { type Command, timeInterleaved } from './measure.ts'
import { formatBytes, formatMs, formatRatio, judge, type Row } from './table.ts'

/** Per-MB time over the larger step over per-MB time over the smaller; above this, time grows faster than the page. */
export const LINEAR_BUDGET = 3

/** A shape of page body, made `bytes` long (about). */
interface Shape {
  name: string
  body: (bytes: number) => string
}

/** `unit` repeated to about `bytes`. */
const fill = (unit: string, bytes: number) => unit.repeat(Math.max(1, Math.floor(bytes / unit.length)))

export const SHAPES: Shape[] = [
  { name: 'one long line', body: (b) => fill('word, ', b) },
  { name: 'a long front matter value', body: (b) => `\u0000${fill(' ', b)}` },
  { name: 'many attribute lists', body: (b) => fill('A line of chat.\n{: .conv data-x="1"}\n\n', b) },
  { name: 'many unclosed tags', body: (b) => `<div>\n${fill('<p\n', b)}>\n` },
  {
    name: 'many tags with styles and handlers',
    body: (b) => `<div>\n${fill('<p style="color: red" onclick="x()">a\n', b)}</div>\n`,
  },
  {
    name: 'deep lists and quotes',
    body: (b) =>
      fill(
        `${Array.from({ length: 30 }, (_, k) => `${'  '.repeat(k)}- item`).join('\n')}\n\n${'> '.repeat(30)}quote\n\n`,
        b,
      ),
  },
  // Cells of 23 characters keep 2 MB of table within the page's 100,000 `|`.
  {
    name: 'a wide table',
    body: (b) =>
      `${'| h '.repeat(200)}|\n${'|---'.repeat(200)}|\n${fill(`${'| a cell of some words '.repeat(200)}|\n`, b)}`,
  },
]

/** One row per shape; `quick` builds pages of 2, 20 and 200 KB, once each, instead. */
export function linearTimeRows(scratch: string, runs: number, quick: boolean): Row[] {
  const sizes = quick ? [2_000, 20_000, 200_000] : [20_000, 200_000, 2_000_000]
  return SHAPES.map((shape, k) => {
    const commands = sizes.map((bytes) => command(join(scratch, `linear-${k}-${bytes}`), shape, bytes))
    const stats = timeInterleaved(commands, runs, !quick)
    for (const c of commands) rmSync(join(c.args[2]!, '..'), { recursive: true, force: true })
    const [small, mid, big] = stats.map((s) => s.wallMs) as [number, number, number]
    const mb = sizes.map((s) => s / 1e6) as [number, number, number]
    const ratio = (big - mid) / (mb[2] - mb[1]) / ((mid - small) / (mb[1] - mb[0]))
    const peak = stats[2]!.peakBytes
    return {
      name: `Linear time, ${shape.name}`,
      coursemark: `${sizes.map((s, i) => `${formatBytes(s)} ${formatMs(stats[i]!.wallMs)}`).join(' · ')}${peak === null ? '' : ` · peak ${formatBytes(peak)}`}`,
      others: '—',
      measured: `${formatRatio(ratio)} the time per MB from ${formatBytes(sizes[1]!)} to ${formatBytes(sizes[2]!)}`,
      budget: `≤ ${formatRatio(LINEAR_BUDGET)} that from ${formatBytes(sizes[0]!)} to ${formatBytes(sizes[1]!)}`,
      verdict: judge(ratio, LINEAR_BUDGET),
    }
  })
}

/** A one-page course of `shape` at `bytes`, and the command that builds it. */
function command(dir: string, shape: Shape, bytes: number): Command {
  const course = join(dir, 'course')
  mkdirSync(course, { recursive: true })
  writeFileSync(join(course, 'index.md'), '---\ntitle: Linear time\nclass: index\n---\nA page of one shape.\n')
  const body = shape.body(bytes)
  // The front matter shape puts its bulk in the title; the others in the body.
  const page = body.startsWith('\u0000')
    ? `---\ntitle:${body.slice(1)}x\nclass: section\nserial: 1\n---\nText.\n`
    : `---\ntitle: Shape\nclass: section\nserial: 1\n---\n${body}`
  writeFileSync(join(course, 's1.md'), page)
  const out = join(dir, 'out')
  return {
    program: process.execPath,
    args: [join(ROOT, 'bin', 'coursemark.js'), 'build', course, '--out', out],
    cwd: ROOT,
    before: () => rmSync(out, { recursive: true, force: true }),
  }
}
