/**
 * The revision (a content hash) and size of each file copied into the site,
 * for the service worker's list: a changed image is fetched again by the
 * next worker, an unchanged one is not. The only part of planning that
 * reads files; `dev`, which registers no worker, skips it.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { StaticFile } from '../load/types.ts'

/** A file's revision and size. */
export interface FileRevision {
  /** The first 10 hex digits of its SHA-256. */
  rev: string
  /** Bytes. */
  size: number
}

/** Revision and size of every static file, by its path in the site. */
export function fileRevisions(statics: readonly StaticFile[]): Map<string, FileRevision> {
  const out = new Map<string, FileRevision>()
  for (const s of statics) {
    const data = readFileSync(s.absPath)
    out.set(s.path, { rev: createHash('sha256').update(data).digest('hex').slice(0, 10), size: data.length })
  }
  return out
}
