/**
 * Builds killed at random moments (issue 15): a large course is built again
 * and again into one output folder, alternating between two versions, and
 * each build is killed with SIGKILL after a random delay. Half the delays
 * fall anywhere in a build, half while it writes (after its temporary
 * folder appears). After each kill the output folder must hold exactly the
 * old site or the new one; then a full build must leave no temporary folder
 * behind and touch nothing else beside the output folder.
 *
 * Used by test/emit/killed-build.test.ts (a few kills) and `npm run fuzz --
 * --kills 20` (the issue's 20 kills of a 100× course).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { sampleCourse, scaledCourse } from '../../bench/courses.ts'
import { BIN } from './course.ts'
import { siteTree } from './site-tree.ts'

export interface KillOptions {
  /** How many copies of the sample course (11 pages) the course holds. */
  scale: number
  kills: number
  seed: number
  /** An empty folder to work in. */
  scratch: string
  log?: (line: string) => void
}

export interface KillReport {
  /** Kills after which the output held the old site, or the new one. */
  old: number
  new: number
  /** Kills that fell between the swap's two renames: no output folder, the old site beside it, put back by the next build. */
  midSwap: number
  /** How long a full build of the course took, in ms. */
  buildMs: number
}

/** Files beside the output folder that are not coursemark's, which no build may touch. */
const NEIGHBOURS: Record<string, string> = {
  'keep.txt': 'not ours',
  '.site.coursemark-notes/a.txt': 'looks like ours, is not',
  '.other.coursemark-tmp-1-abc/b.txt': 'a temporary folder of another output',
}

export async function killBuilds(o: KillOptions): Promise<KillReport> {
  const versions = twoVersions(o)
  const out = join(o.scratch, 'site')
  for (const [path, text] of Object.entries(NEIGHBOURS)) {
    mkdirSync(join(o.scratch, path, '..'), { recursive: true })
    writeFileSync(join(o.scratch, path), text)
  }
  // The first build is timed: from its start, and from when it starts writing, to its end.
  const { buildMs, writeMs } = await timedBuild(versions[0]!.dir, out)
  o.log?.(`a full build takes ${buildMs} ms, ${writeMs} ms of it writing`)
  // A file someone else put in the site, which every version keeps.
  writeFileSync(join(out, 'CNAME'), 'course.example.org\n')
  const trees = versions.map((v) => {
    const alone = join(o.scratch, `expected-${v.name}`)
    build(v.dir, alone)
    writeFileSync(join(alone, 'CNAME'), 'course.example.org\n')
    return treeText(alone)
  })

  // fc.double leans to small values; a whole number over a million spreads the moments evenly.
  const uniform = fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 1_000_000)
  const delays = fc.sample(fc.tuple(fc.boolean(), uniform), {
    numRuns: o.kills,
    seed: o.seed,
  })
  const report: KillReport = { old: 0, new: 0, midSwap: 0, buildMs }
  let current = 0
  for (const [k, [whileWriting, fraction]] of delays.entries()) {
    const next = 1 - current
    // A kill while writing falls anywhere from the temporary folder's first file to a little after the build's end.
    await killedBuild(versions[next]!.dir, out, whileWriting ? null : fraction * buildMs, fraction * writeMs * 1.1)
    const outcome = outcomeOf(out, o.scratch, trees, current, next)
    report[outcome]++
    o.log?.(
      `kill ${k + 1}/${o.kills} ${whileWriting ? 'while writing' : 'at random'}: the output holds ${outcome === 'midSwap' ? 'no site, the old one beside it' : `the ${outcome} site`}`,
    )
    build(versions[next]!.dir, out)
    const after = treeText(out)
    if (after !== trees[next]) throw new Error(`after kill ${k + 1}, a full build did not make the new site exactly`)
    checkNeighbours(o.scratch)
    current = next
  }
  return report
}

/** Two versions of a course `scale` times the sample: the second with another title on every page. */
function twoVersions(o: KillOptions): { name: string; dir: string }[] {
  const a = scaledCourse(sampleCourse(), o.scale, join(o.scratch, 'a'))
  const b = join(o.scratch, 'b', 'example')
  cpSync(a.dir, b, { recursive: true })
  const index = join(b, 'index.md')
  writeFileSync(index, readFileSync(index, 'utf8').replace('title: Listening Basics', 'title: Listening Basics, again'))
  return [
    { name: 'a', dir: a.dir },
    { name: 'b', dir: b },
  ]
}

function build(dir: string, out: string): void {
  const r = spawnSync(process.execPath, [BIN, 'build', dir, '--out', out], { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`)
}

/** Builds to `out`, timing the whole build and the part after its temporary folder appears. */
async function timedBuild(dir: string, out: string): Promise<{ buildMs: number; writeMs: number }> {
  const started = Date.now()
  const child = spawn(process.execPath, [BIN, 'build', dir, '--out', out], { stdio: 'ignore' })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  await untilWriting(out, child)
  const writing = Date.now()
  if ((await exited) !== 0) throw new Error(`build of ${dir} failed`)
  const ended = Date.now()
  return { buildMs: ended - started, writeMs: ended - writing }
}

/** Starts a build and kills it after `delayMs`, or (null) `writingMs` after its temporary folder appears. */
async function killedBuild(dir: string, out: string, delayMs: number | null, writingMs: number): Promise<void> {
  const child = spawn(process.execPath, [BIN, 'build', dir, '--out', out], { stdio: 'ignore' })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  if (delayMs === null) {
    await untilWriting(out, child)
    await sleep(writingMs)
  } else await sleep(delayMs)
  child.kill('SIGKILL')
  await exited
}

/** Resolves once the build `child` has made its temporary folder beside `out` (or has exited). */
async function untilWriting(out: string, child: ChildProcess): Promise<void> {
  const parent = join(out, '..')
  const started = Date.now()
  // Its own folder, named after its pid: one a killed build left is not it.
  const own = `.site.coursemark-tmp-${child.pid}-`
  while (!readdirSync(parent).some((n) => n.startsWith(own)) && Date.now() - started < 60_000) {
    if (child.exitCode !== null || child.signalCode !== null) return
    await sleep(1)
  }
}

/** What the output folder holds after a kill. */
function outcomeOf(out: string, scratch: string, trees: string[], current: number, next: number): keyof KillReport {
  if (!existsSync(out)) {
    const old = readdirSync(scratch).find((n) => n.startsWith('.site.coursemark-old-'))
    if (old && treeText(join(scratch, old)) === trees[current]) return 'midSwap'
    throw new Error('after a kill, the output folder is gone and no old site is beside it')
  }
  const now = treeText(out)
  if (now === trees[current]) return 'old'
  if (now === trees[next]) return 'new'
  throw new Error('after a kill, the output folder holds neither the old site nor the new one')
}

/** The neighbours are as they were, and no temporary or old folder of the site is left. */
function checkNeighbours(scratch: string): void {
  for (const [path, text] of Object.entries(NEIGHBOURS)) {
    if (readFileSync(join(scratch, path), 'utf8') !== text) throw new Error(`${path} was touched`)
  }
  const left = readdirSync(scratch).filter((n) => /^\.site\.coursemark-(tmp|old)-/.test(n))
  if (left.length) throw new Error(`a full build left ${left.join(', ')} behind`)
}

function treeText(dir: string): string {
  return JSON.stringify([...siteTree(dir)].sort())
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms))
}
