// Compiles the TypeScript sources with esbuild into dist/:
//
//   runtime.js          the browser runtime, one minified script
//   runtime-lms.js      the same for the pages of LMS packages, which alone keep progress in an LMS
//   launch.js           the launch page of LMS packages (src/runtime/lms/launch.ts)
//   runtime.css         the stylesheet of every page: the layout's CSS, then the runtime's, minified
//   runtime-author.css  reduced motion for the author's own CSS (src/render/author.css), for pages with some
//   runtime-blocks.css  the rules for code, tables and block quotes (src/render/blocks.css), for pages with them
//   runtime-quiz.css    the quiz's rules (src/runtime/quiz.css), for pages with a quiz alone
//   runtime-dots.css    the progress dots' rules (src/render/dots.css), for pages with dots alone
//   runtime-index.css   the index's buttons and outline (src/render/index.css), for the index alone
//   runtime-extras.js   the second script, loaded on demand, and its stylesheet
//   runtime-extras.css
//   service-worker.js   the offline worker
//   inline-hashes.json  the CSP hashes of what pages inline unchanged: each stylesheet, the draw script
//   coursemark.cjs      the CLI and the Node API with every library they use, in one file,
//                       all of the above and the message catalogues (src/messages/*.json)
//                       baked in (bin/coursemark.js loads it through V8's code cache)
//   scorm-xsd/          the SCORM schema files LMS packages carry, copied from src/emit/scorm/xsd
//   index.js            the Node API as an ES module, re-exporting from coursemark.cjs
//
// The installed package reads nothing but coursemark.cjs and scorm-xsd/.
//
// (dist/types is tsc's.) One file rather than chunks, and CommonJS rather than ES
// modules, because it starts faster: see the README's Benchmark section.
// Output goes to a temporary folder and replaces dist/ only when every step
// succeeds, so a failed build never leaves the CLI without its bundle.
import { build } from 'esbuild'
import { createHash } from 'node:crypto'
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'

const root = new URL('..', import.meta.url)
const pkg = JSON.parse(await readFile(new URL('package.json', root), 'utf8'))
const next = `dist/.next-${process.pid}`
const OUTPUTS = [
  'coursemark.cjs',
  'index.js',
  'runtime.js',
  'runtime-index.js',
  'runtime-lms.js',
  'runtime-lms-index.js',
  'first-gate.js',
  'first-draw.js',
  'launch.js',
  'runtime.css',
  'runtime-author.css',
  'runtime-blocks.css',
  'runtime-quiz.css',
  'runtime-dots.css',
  'runtime-index.css',
  'runtime-extras.js',
  'runtime-extras.css',
  'service-worker.js',
  'inline-hashes.json',
  'scorm-xsd',
]
const STYLESHEETS = ['src/render/layout.css', 'src/runtime/runtime.css']

// liquidjs, as it starts, loads node:crypto and node:stream (for two filters,
// sha256 and hmac_sha256, and a streaming API a build never uses) and, for its
// render time limit, touches the global `performance`, which loads perf_hooks:
// some 15 ms of a build's start-up in all. The bundle loads crypto and stream
// when first used, and gives the time limit Date.now(), liquidjs's own fallback.
const LAZY_BUILTINS = {
  crypto:
    "export const createHash = (...a) => require('node:crypto').createHash(...a)\n" +
    "export const createHmac = (...a) => require('node:crypto').createHmac(...a)\n",
  stream: "export class PassThrough { constructor(...a) { return new (require('node:stream').PassThrough)(...a) } }\n",
}
const PERFORMANCE = "(typeof global === 'object' && global.performance) ||"
const leanLiquid = {
  name: 'lean-liquidjs',
  setup(b) {
    b.onResolve({ filter: /^(crypto|stream)$/ }, (args) =>
      /[/\\]node_modules[/\\]liquidjs[/\\]/.test(args.importer)
        ? { path: args.path, namespace: 'lazy-builtin' }
        : undefined,
    )
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
      contents: LAZY_BUILTINS[args.path],
      loader: 'js',
    }))
    b.onLoad({ filter: /[/\\]liquidjs[/\\]dist[/\\]liquid\.node\.mjs$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8')
      if (!text.includes(PERFORMANCE)) throw new Error(`liquidjs no longer reads ${PERFORMANCE}: see scripts/build.mjs`)
      return { contents: text.replace(PERFORMANCE, 'false ||'), loader: 'js' }
    })
  },
}

/** A browser script, minified, as text. */
async function browserScript(entry, options = {}) {
  const result = await build({
    absWorkingDir: root.pathname,
    entryPoints: [entry],
    bundle: true,
    minifyWhitespace: true,
    minifySyntax: true,
    minifyIdentifiers: !process.env.CM_PROFILE,
    format: 'iife',
    // Old phones stay on old Safari; learners on them must not be locked out.
    target: ['es2019', 'chrome80', 'firefox78', 'safari13'],
    legalComments: 'none',
    logLevel: 'warning',
    write: false,
    // Code for LMS packages only is left out of every bundle but runtime-lms.js (src/runtime/build-flags.d.ts).
    define: { __CM_LMS_RUNTIME__: 'false', __CM_INDEX_RUNTIME__: 'false' },
    ...options,
  })
  return result.outputFiles[0].text
}

const readCss = async (paths) =>
  minifyCss((await Promise.all(paths.map((p) => readFile(new URL(p, root), 'utf8')))).join('\n'))

try {
  // The pages' runtime of web sites, and of LMS packages, which alone can keep progress in an LMS;
  // each in two: the index's, and every other page's, so that neither carries the other's code.
  const runtime = (lms, index) =>
    browserScript('src/runtime/main.ts', {
      define: { __CM_LMS_RUNTIME__: String(lms), __CM_INDEX_RUNTIME__: String(index) },
    })
  const js = await runtime(false, false)
  const indexJs = await runtime(false, true)
  const lmsJs = await runtime(true, false)
  const lmsIndexJs = await runtime(true, true)
  // The inline scripts of every page: the head gate and the quiz's draw (src/runtime/first-paint/).
  const first = {
    gate: await browserScript('src/runtime/first-paint/gate.ts'),
    draw: await browserScript('src/runtime/first-paint/draw.ts'),
  }
  // The launch page of LMS packages (src/runtime/lms/launch.ts): it holds the LMS session.
  const launch = await browserScript('src/runtime/lms/launch.ts')
  // The stylesheet in parts: a page inlines the base and the parts for what it holds (src/render/layout.ts).
  const css = {
    base: await readCss(STYLESHEETS),
    author: await readCss(['src/render/author.css']),
    blocks: await readCss(['src/render/blocks.css']),
    quiz: await readCss(['src/runtime/quiz.css']),
    dots: await readCss(['src/render/dots.css']),
    index: await readCss(['src/render/index.css']),
  }
  // The second script, loaded on demand: it sets one global, the extras (src/runtime/extras-api.ts).
  const extras = {
    js: await browserScript('src/runtime/extras.ts', { globalName: '__coursemarkExtras' }),
    css: await readCss(['src/runtime/extras.css']),
  }
  const worker = await browserScript('src/worker/service-worker.ts')
  const catalogues = await readCatalogues()
  // Hashed here, not by every build: SHA-256 in a build's JavaScript, still cold, takes some 10 ms for these.
  // The draw script is inlined trimmed (emit/first-paint.ts), so it is hashed trimmed; a page's stylesheet
  // is the base and some of the other parts, in this order (src/render/layout.ts, STYLESHEET_OPTIONS):
  // one hash for each set of them, by its bit mask.
  const options = ['author', 'blocks', 'quiz', 'dots', 'index']
  const withParts = (mask) => css.base + options.map((part, bit) => (mask & (1 << bit) ? css[part] : '')).join('')
  const inlineHashes = {
    draw: sha256(first.draw.trim()),
    css: Array.from({ length: 1 << options.length }, (_, mask) => sha256(withParts(mask))),
  }

  const node = await build({
    absWorkingDir: root.pathname,
    stdin: {
      contents: "export { main } from './cli/main.ts'\nexport * from './index.ts'\n",
      resolveDir: new URL('src', root).pathname,
      sourcefile: 'coursemark-entry.ts',
      loader: 'ts',
    },
    outfile: `${next}/coursemark.cjs`,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    mainFields: ['module', 'main'],
    target: 'node20',
    // CM_PROFILE=1 keeps names readable in CPU profiles (in the browser scripts too).
    minify: !process.env.CM_PROFILE,
    legalComments: 'none',
    define: {
      COURSEMARK_VERSION: JSON.stringify(pkg.version),
      COURSEMARK_ASSETS: JSON.stringify({
        js,
        indexJs,
        lmsJs,
        lmsIndexJs,
        first,
        launch,
        extras,
        css,
        worker,
        inlineHashes,
      }),
      // Each catalogue's text by language code (src/messages/catalogues.ts parses one when a course needs it).
      COURSEMARK_CATALOGUES: JSON.stringify(catalogues),
    },
    plugins: [leanLiquid],
    // assets.ts reads dist/ through import.meta.url only when COURSEMARK_ASSETS is not defined: never in the bundle.
    logOverride: { 'empty-import-meta': 'silent' },
    logLevel: 'warning',
    write: false,
  })
  const bundle = node.outputFiles[0].text
  // esbuild ends a CommonJS bundle with `0&&(module.exports={…})`, naming its exports for Node's ESM import.
  const names = /0\s*&&\s*\(module\.exports\s*=\s*\{([^}]*)\}\);?\s*$/
    .exec(bundle)?.[1]
    ?.split(',')
    .map((name) => name.trim())
    .filter(Boolean)
  if (!names) throw new Error('coursemark.cjs does not end with the list of its exports')
  const exported = names.filter((name) => name !== 'main')
  await mkdir(new URL(`${next}/`, root), { recursive: true })
  await writeFile(new URL(`${next}/coursemark.cjs`, root), bundle)
  await writeFile(
    new URL(`${next}/index.js`, root),
    `// coursemark's Node API as an ES module; the code is in coursemark.cjs.\nexport { ${exported.join(', ')} } from './coursemark.cjs'\n`,
  )
  await writeFile(new URL(`${next}/runtime.js`, root), js)
  await writeFile(new URL(`${next}/runtime-index.js`, root), indexJs)
  await writeFile(new URL(`${next}/runtime-lms.js`, root), lmsJs)
  await writeFile(new URL(`${next}/runtime-lms-index.js`, root), lmsIndexJs)
  await writeFile(new URL(`${next}/first-gate.js`, root), first.gate)
  await writeFile(new URL(`${next}/first-draw.js`, root), first.draw)
  await writeFile(new URL(`${next}/launch.js`, root), launch)
  await cp(new URL('src/emit/scorm/xsd/', root), new URL(`${next}/scorm-xsd/`, root), { recursive: true })
  await writeFile(new URL(`${next}/runtime.css`, root), css.base)
  await writeFile(new URL(`${next}/runtime-author.css`, root), css.author)
  await writeFile(new URL(`${next}/runtime-blocks.css`, root), css.blocks)
  await writeFile(new URL(`${next}/runtime-quiz.css`, root), css.quiz)
  await writeFile(new URL(`${next}/runtime-dots.css`, root), css.dots)
  await writeFile(new URL(`${next}/runtime-index.css`, root), css.index)
  await writeFile(new URL(`${next}/runtime-extras.js`, root), extras.js)
  await writeFile(new URL(`${next}/runtime-extras.css`, root), extras.css)
  await writeFile(new URL(`${next}/service-worker.js`, root), worker)
  await writeFile(new URL(`${next}/inline-hashes.json`, root), `${JSON.stringify(inlineHashes, null, 1)}\n`)
} catch (e) {
  await rm(new URL(`${next}/`, root), { recursive: true, force: true })
  if (!e?.errors) console.error(e)
  console.error('Build failed; dist/ is unchanged.')
  process.exit(1)
}

await mkdir(new URL('dist/', root), { recursive: true })
// What earlier layouts of dist/ left (chunks of a split bundle) goes too.
for (const name of ['chunks', 'cli.js']) await rm(new URL(`dist/${name}`, root), { recursive: true, force: true })
for (const name of OUTPUTS) {
  // A folder (scorm-xsd) is not renamed over an old one: the old one goes first.
  await rm(new URL(`dist/${name}`, root), { recursive: true, force: true })
  await rename(new URL(`${next}/${name}`, root), new URL(`dist/${name}`, root))
}
await rm(new URL(`${next}/`, root), { recursive: true, force: true })

/** The SHA-256 of `text`, in base64, as a Content-Security-Policy source writes it. */
function sha256(text) {
  return createHash('sha256').update(text).digest('base64')
}

/** The message catalogues' texts by language code (`fr` for src/messages/fr.json), each checked to parse. */
async function readCatalogues() {
  const dir = new URL('src/messages/', root)
  const catalogues = {}
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.json')).sort()) {
    const text = await readFile(new URL(name, dir), 'utf8')
    JSON.parse(text)
    catalogues[name.slice(0, -'.json'.length)] = text
  }
  if (!catalogues.en) throw new Error('src/messages/en.json is missing')
  return catalogues
}

/** Drops comments and needless whitespace; the CSS is ours, so no parser is needed. */
function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{}:;,>])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim()
}
