/**
 * coursemark's own files (the runtime it ships, its stylesheets, its message
 * catalogues), found from this module whether it runs from src/ (tests) or
 * from the bundle in dist/.
 */
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

let root: string | null = null

/** The folder holding coursemark's package.json. */
export function packageRoot(): string {
  if (root) return root
  let dir = dirname(fileURLToPath(import.meta.url))
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir)
    if (up === dir) throw new Error('coursemark cannot find its own package.json')
    dir = up
  }
  root = dir
  return dir
}
