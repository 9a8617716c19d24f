/**
 * Reads the browser runtime and the stylesheet that every built site ships.
 * `npm run build` (run by `npm ci` through `prepare`) bundles the runtime into
 * dist/runtime.js; the stylesheet is the layout's CSS followed by the runtime's.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export interface RuntimeAssets {
  /** The runtime script, still holding the `__CM_MANIFEST__` slot. */
  js: string
  /** The second script and its stylesheet, loaded on demand (the progress dialog, the completion record). */
  extras: { js: string; css: string }
  css: string
  /** The service worker, still holding the `__CM_OFFLINE__` slot. */
  worker: string
}

let cached: RuntimeAssets | null = null

export function readRuntimeAssets(): RuntimeAssets {
  if (cached) return cached
  const root = packageRoot()
  const jsPath = join(root, 'dist', 'runtime.js')
  const extrasPath = join(root, 'dist', 'runtime-extras.js')
  const workerPath = join(root, 'dist', 'service-worker.js')
  for (const path of [jsPath, extrasPath, workerPath])
    if (!existsSync(path))
      throw new Error(`${path} is missing: run \`npm run build\` (npm ci does it through "prepare").`)
  const css = ['src/render/layout.css', 'src/runtime/runtime.css']
    .map((p) => readFileSync(join(root, p), 'utf8'))
    .join('\n')
  cached = {
    js: readFileSync(jsPath, 'utf8'),
    extras: {
      js: readFileSync(extrasPath, 'utf8'),
      css: minifyCss(readFileSync(join(root, 'src/runtime/extras.css'), 'utf8')),
    },
    css: minifyCss(css),
    worker: readFileSync(workerPath, 'utf8'),
  }
  return cached
}

/** The folder holding coursemark's package.json, found from this file (src/emit or dist). */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir)
    if (up === dir) throw new Error('coursemark cannot find its own package.json')
    dir = up
  }
  return dir
}

/** Drops comments and needless whitespace; the CSS is ours, so no parser is needed. */
function minifyCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{}:;,>])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim()
}
