/**
 * The revision (a content hash) and size of each file copied into the site,
 * for the service worker's list: a changed image is fetched again by the
 * next worker, an unchanged one is not. The only part of planning that
 * reads files; `dev`, which registers no worker, skips it.
 */
import { readFileSync } from 'node:fs'
import type { StaticFile } from '../load/types.ts'
import { hexHash } from '../model/hash.ts'

/** A file's revision and size. */
export interface FileRevision {
  /** Ten hex digits of a hash of its bytes (model/hash.ts). */
  rev: string
  /** Bytes. */
  size: number
}

/** Revision and size of every static file, by its path in the site. */
export function fileRevisions(statics: readonly StaticFile[]): Map<string, FileRevision> {
  const out = new Map<string, FileRevision>()
  for (const s of statics) {
    const data = readFileSync(s.absPath)
    out.set(s.path, { rev: hexHash(data.toString('latin1')), size: data.length })
  }
  return out
}
