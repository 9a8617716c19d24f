/**
 * The folders a build keeps beside the output folder while it writes
 * (write-site.ts), and what the next build does with those a killed build
 * left: `.NAME.coursemark-tmp-PID-STAMP` (the new site, half written) is
 * removed; `.NAME.coursemark-old-PID-STAMP` (the previous site, moved aside
 * for the swap) is put back when the output folder is missing, the build
 * having been killed between its two renames, and otherwise emptied of what
 * coursemark wrote. Folders of a build still running, and every other name,
 * are left alone.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

/** Lists the files coursemark wrote, so the next build knows what it may replace. */
export const MARKER = '.coursemark-site.json'

/** What MARKER holds. */
export interface Marker {
  generator: 'coursemark'
  /** The site's files, relative to its folder, sorted. */
  files: string[]
}

/** The name of a build's temporary (`tmp`) or previous-site (`old`) folder beside `outDir`; `stamp` is `PID-TIME`. */
export function siblingName(outDir: string, kind: 'tmp' | 'old', stamp: string): string {
  return `.${basename(outDir)}.coursemark-${kind}-${stamp}`
}

/** Removes, or puts back, what killed builds left beside `outDir`. */
export function cleanStaleFolders(outDir: string): void {
  const parent = dirname(outDir)
  const name = basename(outDir).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const pattern = new RegExp(`^\\.${name}\\.coursemark-(tmp|old)-(\\d+)-[0-9a-z]+$`)
  const stale = readdirSync(parent)
    .map((entry) => pattern.exec(entry))
    .filter((m): m is RegExpExecArray => m !== null && !isRunning(Number(m[2])))
  // The newest previous site first: it is the one to put back.
  for (const m of stale.filter((s) => s[1] === 'old').reverse()) {
    const dir = join(parent, m[0])
    if (!existsSync(outDir)) renameSync(dir, outDir)
    else removeCarriedOver(dir, outDir)
  }
  for (const m of stale.filter((s) => s[1] === 'tmp')) rmSync(join(parent, m[0]), { recursive: true, force: true })
}

/** True when process `pid` runs (another build, writing now). */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Empties a previous site left beside the output folder after the swap:
 * removes what coursemark wrote there, and the others' files the new site
 * already holds (linked or copied into it); keeps anything else.
 */
function removeCarriedOver(dir: string, outDir: string): void {
  let owned = new Set<string>()
  try {
    const marker = JSON.parse(readFileSync(join(dir, MARKER), 'utf8')) as Marker
    if (marker.generator === 'coursemark' && Array.isArray(marker.files)) owned = new Set(marker.files)
  } catch {
    // No marker: only what the new site holds goes.
  }
  for (const f of listFiles(dir)) {
    if (f === MARKER || owned.has(f) || sameFile(join(dir, f), join(outDir, f))) rmSync(join(dir, f), { force: true })
  }
  pruneEmpty(dir)
}

/** True when `b` is the file `a` (a hard link) or a file with the same bytes. */
function sameFile(a: string, b: string): boolean {
  try {
    const sa = statSync(a)
    const sb = statSync(b)
    if (sa.ino === sb.ino && sa.dev === sb.dev) return true
    return sa.size === sb.size && readFileSync(a).equals(readFileSync(b))
  } catch {
    return false
  }
}

/** Every file under `dir`, relative to it, with forward slashes. */
export function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = []
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix + e.name
    if (e.isDirectory()) out.push(...listFiles(join(dir, e.name), `${rel}/`))
    else out.push(rel)
  }
  return out
}

/** Removes `dir` and the folders under it that hold no file; true when `dir` went. */
export function pruneEmpty(dir: string): boolean {
  let empty = true
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory() && pruneEmpty(join(dir, e.name))) continue
    empty = false
  }
  if (empty) rmdirSync(dir)
  return empty
}
