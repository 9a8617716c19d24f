/**
 * coursemark's own folder, for its message catalogues when it runs from the
 * sources (the tests, through tsx). The bundle in dist/ carries what it
 * needs (scripts/build.mjs) and never calls this: in a CommonJS bundle
 * `import.meta.url` is empty.
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
