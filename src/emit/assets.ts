/**
 * Reads the browser runtime and the stylesheet that every built site ships,
 * and what LMS packages add: the launch page's script and the SCORM schemas.
 * `npm run build` (run by `npm ci` through `prepare`) bundles the runtime into
 * dist/runtime.js (dist/runtime-lms.js for the pages of LMS packages, which
 * alone can keep progress in an LMS) and the launch script into
 * dist/launch.js; the stylesheet is the layout's CSS followed by the runtime's.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { packageRoot } from '../load/package-root.ts'

export interface RuntimeAssets {
  /** The runtime script, still holding the `__CM_MANIFEST__` slot. */
  js: string
  /** The second script and its stylesheet, loaded on demand (the progress dialog, the completion record). */
  extras: { js: string; css: string }
  css: string
  /** The service worker, still holding the `__CM_OFFLINE__` slot. */
  worker: string
}

const cached = new Map<boolean, RuntimeAssets>()

/** The runtime of a web site's pages, or of an LMS package's (`lms`). */
export function readRuntimeAssets(lms = false): RuntimeAssets {
  let assets = cached.get(lms)
  if (assets) return assets
  const root = packageRoot()
  const css = ['src/render/layout.css', 'src/runtime/runtime.css']
    .map((p) => readFileSync(join(root, p), 'utf8'))
    .join('\n')
  assets = {
    js: readFileSync(bundlePath(root, lms ? 'runtime-lms.js' : 'runtime.js'), 'utf8'),
    extras: {
      js: readFileSync(bundlePath(root, 'runtime-extras.js'), 'utf8'),
      css: minifyCss(readFileSync(join(root, 'src/runtime/extras.css'), 'utf8')),
    },
    css: minifyCss(css),
    worker: readFileSync(bundlePath(root, 'service-worker.js'), 'utf8'),
  }
  cached.set(lms, assets)
  return assets
}

/** The LMS package's launch page script (src/runtime/lms/launch.ts). */
export function readLaunchScript(): string {
  return readFileSync(bundlePath(packageRoot(), 'launch.js'), 'utf8')
}

/** The SCORM schema files of one folder of src/emit/scorm/xsd/, by file name, to copy into a package. */
export function schemaFiles(folder: string): { name: string; absPath: string }[] {
  const dir = join(packageRoot(), 'src', 'emit', 'scorm', 'xsd', folder)
  return readdirSync(dir)
    .sort()
    .map((name) => ({ name, absPath: join(dir, name) }))
}

function bundlePath(root: string, name: string): string {
  const path = join(root, 'dist', name)
  if (!existsSync(path))
    throw new Error(`${path} is missing: run \`npm run build\` (npm ci does it through "prepare").`)
  return path
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
