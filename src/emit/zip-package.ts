/**
 * Writes a planned package as a zip, atomically: the whole zip is made in
 * memory, written to a temporary file beside the target and renamed over
 * it, so the target holds the old zip or the new one, never half of either.
 *
 * The same files make the same bytes: entries are sorted by path, and every
 * entry carries one fixed time, given in local time because the zip format
 * stores local time (a UTC date would shift with the time zone).
 *
 * fflate is loaded when a package is zipped, not when coursemark starts: a
 * build never zips, and fflate builds its tables as it loads.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { Zippable } from 'fflate'
import { UserError } from '../diagnostics/user-error.ts'
import type { SiteFile } from './plan-site.ts'

/** What the zip says of each entry: a fixed time, and read/write for the owner, read for others, as on Unix. */
const ENTRY = { mtime: new Date(2000, 0, 1, 0, 0, 0), os: 3, attrs: 0o100644 << 16 }

/** The zip of `files`: the same bytes for the same files. */
export async function zipFiles(files: ReadonlyMap<string, SiteFile>): Promise<Uint8Array> {
  const { zipSync } = await import('fflate')
  const tree: Zippable = {}
  const encoder = new TextEncoder()
  for (const path of [...files.keys()].sort()) {
    const file = files.get(path)!
    const bytes = 'data' in file ? encoder.encode(file.data) : new Uint8Array(readFileSync(file.copyFrom))
    tree[path] = [bytes, ENTRY]
  }
  return zipSync(tree, { level: 9 })
}

/** Writes `bytes` to `target` through a temporary file beside it, making its folder if need be. */
export function writeFileAtomic(target: string, bytes: Uint8Array): void {
  const tmp = join(dirname(target), `.${basename(target)}.coursemark-tmp-${process.pid}`)
  try {
    mkdirSync(dirname(target), { recursive: true })
    writeFileSync(tmp, bytes)
    renameSync(tmp, target)
  } catch (e) {
    try {
      rmSync(tmp, { force: true })
    } catch {
      // No folder to write in, so no temporary file either.
    }
    throw new UserError(`Cannot write ${target}: ${(e as Error).message}`, {
      hint: 'Check that the folder exists and is writable, and that the disk has room.',
    })
  }
}
