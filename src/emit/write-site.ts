/**
 * Writes a planned site so that a reader of the output folder sees the old
 * site or the new one, never half of either:
 *
 * 1. check the folder is empty, missing, or one coursemark made (it lists
 *    what it wrote in MARKER); refuse anything else;
 * 2. write everything into a temporary folder beside it;
 * 3. move into it any file someone else put in the old output (a CNAME, say),
 *    since coursemark never deletes what it did not write;
 * 4. swap the folders with two renames and delete what coursemark wrote before.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  rmdirSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { UserError } from '../diagnostics/user-error.ts'
import type { SiteFile } from './plan-site.ts'

/** Lists the files coursemark wrote, so the next build knows what it may replace. */
export const MARKER = '.coursemark-site.json'

/** Files written (or removed) at once. */
const WRITERS = 64

interface Marker {
  generator: 'coursemark'
  files: string[]
}

export async function writeSite(files: ReadonlyMap<string, SiteFile>, outDir: string): Promise<void> {
  const previous = ownedFiles(outDir)
  const foreign = previous === null ? [] : listFiles(outDir).filter((f) => f !== MARKER && !previous.has(f))
  for (const f of foreign) {
    if (files.has(f)) {
      throw new UserError(`${join(outDir, f)} was not written by coursemark, and the new site needs that path.`, {
        hint: 'Move or rename that file, then build again.',
      })
    }
  }

  const parent = dirname(outDir)
  mkdirSync(parent, { recursive: true })
  const stamp = `${process.pid}-${Date.now().toString(36)}`
  const tmp = join(parent, `.${basename(outDir)}.coursemark-tmp-${stamp}`)
  try {
    mkdirSync(tmp)
    // Folders first, in one pass; then the files, many at a time: a large
    // course writes thousands of small files, and waiting on each one in
    // turn leaves the disk idle.
    await makeFolders(tmp, files)
    await inParallel([...files.values()], (file) => {
      const target = join(tmp, file.path)
      return 'data' in file ? writeFile(target, file.data) : copyFile(file.copyFrom, target)
    })
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
  const old = join(parent, `.${basename(outDir)}.coursemark-old-${stamp}`)
  renameSync(outDir, old)
  for (const f of foreign) {
    mkdirSync(dirname(join(tmp, f)), { recursive: true })
    renameSync(join(old, f), join(tmp, f))
  }
  renameSync(tmp, outDir)
  await removeOwned(old, previous ?? new Set())
}

/** Makes every folder the files need, parents before children, siblings at once. */
async function makeFolders(root: string, files: ReadonlyMap<string, SiteFile>): Promise<void> {
  const byDepth: string[][] = []
  const seen = new Set<string>()
  for (const file of files.values()) {
    const parts = file.path.split('/').slice(0, -1)
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

function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = []
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix + e.name
    if (e.isDirectory()) out.push(...listFiles(join(dir, e.name), `${rel}/`))
    else out.push(rel)
  }
  return out
}

/** Deletes the files coursemark wrote, then the folders they leave empty; keeps anything else. */
async function removeOwned(dir: string, owned: Set<string>): Promise<void> {
  await inParallel([MARKER, ...owned], (f) => rm(join(dir, f), { force: true }))
  pruneEmpty(dir)
}

function pruneEmpty(dir: string): boolean {
  let empty = true
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory() && pruneEmpty(join(dir, e.name))) continue
    empty = false
  }
  if (empty) rmdirSync(dir)
  return empty
}
