/**
 * Temporary folders for tests, each removed when the test file's process
 * exits (node --test runs every file in a process of its own), so that a run
 * leaves nothing in the system's temporary folder, passing or failing.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const made: string[] = []

/** A new empty folder under the system's temporary folder, named `<prefix>XXXXXX`. */
export function tempDir(prefix = 'cm-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  if (made.length === 0) process.once('exit', removeAll)
  made.push(dir)
  return dir
}

function removeAll(): void {
  for (const dir of made) rmSync(dir, { recursive: true, force: true })
}
