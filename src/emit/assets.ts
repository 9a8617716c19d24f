/**
 * The browser scripts and stylesheets that every built site ships, and what
 * LMS packages add: the launch page's script and the SCORM schemas.
 * `npm run build` (run by `npm ci` through `prepare`) makes the scripts and
 * stylesheets, as dist/runtime.js and, for the course index, runtime-index.js
 * (dist/runtime-lms*.js for the pages of LMS packages, which alone can keep
 * progress in an LMS), the pages' inline first-gate.js and first-draw.js,
 * launch.js, the stylesheet's parts runtime.css, runtime-author.css, runtime-blocks.css,
 * runtime-quiz.css, runtime-dots.css and runtime-index.css,
 * runtime-extras.js, runtime-extras.css and service-worker.js, and bakes them
 * into the bundle (dist/coursemark.cjs) as COURSEMARK_ASSETS, so the
 * installed package reads no file for them; it copies the schemas to
 * dist/scorm-xsd/, beside the bundle. Run from the sources (the tests,
 * through tsx), the scripts are read from dist/ and the schemas from src/.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { StylesheetParts } from '../render/layout.ts'

export interface RuntimeAssets {
  /** The runtime script of every page but the index, still holding the `__CM_MANIFEST__` slot. */
  js: string
  /** The course index's runtime script, likewise. */
  indexJs: string
  /** The second script and its stylesheet, loaded on demand (the progress dialog, the completion record). */
  extras: { js: string; css: string }
  /** The stylesheet, minified, in the parts a page picks from (render/layout.ts). */
  css: StylesheetParts
  /** The service worker, still holding the `__CM_OFFLINE__` slot. */
  worker: string
  /** The inline head gate (still holding its `__CM_GATE__` slot) and quiz draw script (emit/first-paint.ts). */
  first: { gate: string; draw: string }
  /**
   * The Content-Security-Policy hashes (SHA-256, base64) of what pages
   * inline as it is, made by `npm run build`: SHA-256 in JavaScript, run
   * once and still cold, takes a build some 10 ms for these texts. The
   * gate, which holds the course's settings, is hashed by the build.
   */
  inlineHashes: InlineHashes
}

/** See RuntimeAssets.inlineHashes. */
export interface InlineHashes {
  /** The draw script's, trimmed as pages inline it (emit/first-paint.ts). */
  draw: string
  /** Each stylesheet a page can inline, by the mask of the parts it holds (render/layout.ts, `stylesheetOf`). */
  css: readonly string[]
}

/** What `npm run build` bakes into the bundle. */
interface BuiltAssets extends RuntimeAssets {
  /** The runtime of LMS packages' pages, and of their index. */
  lmsJs: string
  lmsIndexJs: string
  /** The launch page's script of LMS packages. */
  launch: string
}

declare const COURSEMARK_ASSETS: BuiltAssets | undefined

let fromDist: BuiltAssets | null = null

function builtAssets(): BuiltAssets {
  if (typeof COURSEMARK_ASSETS !== 'undefined') return COURSEMARK_ASSETS
  fromDist ??= readDist()
  return fromDist
}

/** The runtime of a web site's pages, or of an LMS package's (`lms`). */
export function readRuntimeAssets(lms = false): RuntimeAssets {
  const { js, indexJs, lmsJs, lmsIndexJs, first, extras, css, worker, inlineHashes } = builtAssets()
  return {
    js: lms ? lmsJs : js,
    indexJs: lms ? lmsIndexJs : indexJs,
    first,
    extras,
    css,
    worker,
    inlineHashes,
  }
}

/** The LMS package's launch page script (src/runtime/lms/launch.ts). */
export function readLaunchScript(): string {
  return builtAssets().launch
}

/** The SCORM schema files of one folder of src/emit/scorm/xsd/, by file name, to copy into a package. */
export function schemaFiles(folder: string): { name: string; absPath: string }[] {
  // The bundle finds them beside itself, in dist/scorm-xsd/; the sources, in src/emit/scorm/xsd/.
  const dir =
    typeof COURSEMARK_ASSETS !== 'undefined'
      ? join(__dirname, 'scorm-xsd', folder)
      : fileURLToPath(new URL(`./scorm/xsd/${folder}/`, import.meta.url))
  return readdirSync(dir)
    .sort()
    .map((name) => ({ name, absPath: join(dir, name) }))
}

/** The assets as `npm run build` left them in dist/ of this checkout. */
function readDist(): BuiltAssets {
  const dist = fileURLToPath(new URL('../../dist/', import.meta.url))
  const read = (name: string) => {
    if (!existsSync(dist + name))
      throw new Error(`${dist}${name} is missing: run \`npm run build\` (npm ci does it through "prepare").`)
    return readFileSync(dist + name, 'utf8')
  }
  return {
    js: read('runtime.js'),
    indexJs: read('runtime-index.js'),
    lmsJs: read('runtime-lms.js'),
    lmsIndexJs: read('runtime-lms-index.js'),
    first: { gate: read('first-gate.js'), draw: read('first-draw.js') },
    launch: read('launch.js'),
    extras: { js: read('runtime-extras.js'), css: read('runtime-extras.css') },
    css: {
      base: read('runtime.css'),
      author: read('runtime-author.css'),
      blocks: read('runtime-blocks.css'),
      quiz: read('runtime-quiz.css'),
      dots: read('runtime-dots.css'),
      index: read('runtime-index.css'),
    },
    worker: read('service-worker.js'),
    inlineHashes: JSON.parse(read('inline-hashes.json')) as InlineHashes,
  }
}
