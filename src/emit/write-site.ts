/**
 * Writes a planned site so that a reader of the output folder sees the old
 * site or the new one, never half of either, even if the build is killed:
 *
 * 1. put right what an earlier build killed half-way left beside the
 *    output folder (stale-folders.ts);
 * 2. check the folder is empty, missing, or one coursemark made (it lists
 *    what it wrote in MARKER); refuse anything else;
 * 3. write everything into a temporary folder beside it, with a link to
 *    (or copy of) any file someone else put in the old output (a CNAME,
 *    say), since coursemark never deletes what it did not write; the
 *    marker last;
 * 4. swap the folders with two renames and delete what coursemark wrote
 *    before.
 *
 * Killed before step 4, the build leaves the old site in place and a
 * temporary folder beside it; killed between the two renames, the old site
 * beside it. Either is cleaned up, or put back, by the next build's step 1.
 */
import {
  copyFile as copyFileCb,
  copyFileSync,
  existsSync,
  linkSync,
  mkdir as mkdirCb,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  rm as rmCb,
  statSync,
  writeFile as writeFileCb,
  writeFileSync,
} from 'node:fs'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { UserError } from '../diagnostics/user-error.ts'
import type { SiteFile } from './plan-site.ts'
import { cleanStaleFolders, listFiles, MARKER, type Marker, pruneEmpty, siblingName } from './stale-folders.ts'

export { MARKER } from './stale-folders.ts'

// node:fs's callback functions, promised: node:fs/promises would add its own loading to a build's start.
const writeFile = promisify(writeFileCb)
const copyFile = promisify(copyFileCb)
const mkdir = promisify(mkdirCb)
const rm = promisify(rmCb)

/** Files written (or removed) at once. */
const WRITERS = 64

/** Writes `files` into `outDir`; `progress` is told after each file, with how many of how many are written. */
export async function writeSite(
  files: ReadonlyMap<string, SiteFile>,
  outDir: string,
  progress?: (done: number, total: number) => void,
): Promise<void> {
  const parent = dirname(outDir)
  mkdirSync(parent, { recursive: true })
  cleanStaleFolders(outDir)
  const previous = ownedFiles(outDir)
  const foreign = previous === null ? [] : listFiles(outDir).filter((f) => f !== MARKER && !previous.has(f))
  for (const f of foreign) {
    if (files.has(f)) {
      throw new UserError(`${join(outDir, f)} was not written by coursemark, and the new site needs that path.`, {
        hint: 'Move or rename that file, then build again.',
      })
    }
  }

  const stamp = `${process.pid}-${Date.now().toString(36)}`
  const tmp = join(parent, siblingName(outDir, 'tmp', stamp))
  try {
    mkdirSync(tmp)
    // Folders first, in one pass; then the files, many at a time: a large
    // course writes thousands of small files, and waiting on each one in
    // turn leaves the disk idle.
    await makeFolders(tmp, [...files.keys(), ...foreign])
    let written = 0
    await inParallel([...files.values()], async (file) => {
      const target = join(tmp, file.path)
      await ('data' in file ? writeFile(target, file.data) : copyFile(file.copyFrom, target))
      progress?.(++written, files.size)
    })
    for (const f of foreign) linkOrCopy(join(outDir, f), join(tmp, f))
    const marker: Marker = { generator: 'coursemark', files: [...files.keys()].sort() }
    writeFileSync(join(tmp, MARKER), `${JSON.stringify(marker, null, 1)}\n`)
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true })
    throw new UserError(`Cannot write the site beside ${outDir}: ${(e as Error).message}`, {
      hint: "Check that the output folder's parent exists and is writable, and that the disk has room.",
    })
  }

  if (!existsSync(outDir)) {
    renameSync(tmp, outDir)
    return
  }
  const old = join(parent, siblingName(outDir, 'old', stamp))
  renameSync(outDir, old)
  renameSync(tmp, outDir)
  await removeOwned(old, new Set([...(previous ?? []), ...foreign]))
}

/** A hard link to `from` at `to` (the file stays one file), or a copy where links cannot be made. */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to)
  } catch {
    copyFileSync(from, to)
  }
}

/** Makes every folder the files need, parents before children, siblings at once. */
async function makeFolders(root: string, paths: readonly string[]): Promise<void> {
  const byDepth: string[][] = []
  const seen = new Set<string>()
  for (const path of paths) {
    const parts = path.split('/').slice(0, -1)
    for (let d = 1; d <= parts.length; d++) {
      const dir = parts.slice(0, d).join('/')
      if (seen.has(dir)) continue
      seen.add(dir)
      byDepth[d - 1] ??= []
      byDepth[d - 1]!.push(join(root, dir))
    }
  }
  for (const level of byDepth) await inParallel(level, (dir) => mkdir(dir))
}

/** Runs `task` over `items`, WRITERS at a time. */
async function inParallel<T>(items: T[], task: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) await task(items[next++]!)
  }
  await Promise.all(Array.from({ length: Math.min(WRITERS, items.length) }, worker))
}

/**
 * The files coursemark wrote into `outDir`: null when the folder is missing
 * or empty (a fresh start), and an error when it is neither empty nor ours.
 */
function ownedFiles(outDir: string): Set<string> | null {
  if (!existsSync(outDir)) return null
  if (!statSync(outDir).isDirectory()) {
    throw new UserError(`${outDir} is a file, not a folder.`, { hint: 'Choose another --out folder.' })
  }
  if (readdirSync(outDir).length === 0) return new Set()
  let marker: Marker | null = null
  try {
    marker = JSON.parse(readFileSync(join(outDir, MARKER), 'utf8')) as Marker
  } catch {
    marker = null
  }
  if (marker?.generator !== 'coursemark' || !Array.isArray(marker.files)) {
    throw new UserError(`${outDir} is not empty and coursemark did not make it, so it will not write there.`, {
      hint: 'Choose an empty or new --out folder; coursemark never deletes files it did not write.',
    })
  }
  return new Set(marker.files)
}

/** Deletes the files coursemark wrote (and the others' files it linked into the new site), then the folders they leave empty; keeps anything else. */
async function removeOwned(dir: string, owned: Set<string>): Promise<void> {
  await inParallel([...owned], (f) => rm(join(dir, f), { force: true }))
  // The marker goes last: a build killed before then leaves the list of what
  // it still had to remove, for the next build (stale-folders.ts).
  rmSync(join(dir, MARKER), { force: true })
  pruneEmpty(dir)
}
