/**
 * The site `dev` serves, kept in a private temporary folder so that a real
 * static server (serve/static-site.ts) can serve it. Each rebuild writes only
 * the files that changed and removes the ones that went, each by a rename so
 * that a request never sees half a file.
 */
import { copyFileSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { SiteFile } from '../emit/plan-site.ts'

export class SiteMirror {
  /** The folder the site is in. */
  readonly root = mkdtempSync(join(tmpdir(), 'coursemark-dev-'))
  /** What each file on disk was made from: its text, or its source file's identity. */
  private readonly made = new Map<string, string>()
  private serial = 0

  /** Brings the folder in line with `files`; returns the paths written or removed. */
  apply(files: ReadonlyMap<string, SiteFile>): string[] {
    const changed: string[] = []
    for (const [path, file] of files) {
      const identity = 'data' in file ? `data:${file.data}` : copyIdentity(file.copyFrom)
      if (this.made.get(path) === identity) continue
      const abs = join(this.root, path)
      const temp = join(this.root, `.${++this.serial}.tmp`)
      mkdirSync(dirname(abs), { recursive: true })
      if ('data' in file) writeFileSync(temp, file.data)
      else {
        try {
          copyFileSync(file.copyFrom, temp)
        } catch {
          // Gone since the course was read: the watcher has a rebuild coming.
          continue
        }
      }
      renameSync(temp, abs)
      this.made.set(path, identity)
      changed.push(path)
    }
    for (const path of [...this.made.keys()]) {
      if (files.has(path)) continue
      rmSync(join(this.root, path), { force: true })
      this.made.delete(path)
      changed.push(path)
    }
    return changed
  }

  /** Removes the folder. */
  dispose(): void {
    rmSync(this.root, { recursive: true, force: true })
  }
}

/** A copied file is copied again when its source's size or time changes. */
function copyIdentity(path: string): string {
  try {
    const s = statSync(path)
    return `copy:${path}:${s.size}:${s.mtimeMs}`
  } catch {
    return `copy:${path}:missing`
  }
}
