// Compiles the TypeScript sources with esbuild: the browser runtime into one
// minified script (another for LMS packages, and their launch page's), and
// the CLI and Node API into bundles that load fast (the dev server and
// Liquid sit in chunks loaded only when a build needs them).
// Output goes to a temporary folder and replaces dist/ only when both builds
// succeed, so a failed build never leaves the CLI without its bundle.
import { build } from 'esbuild'
import { mkdir, readFile, rename, rm } from 'node:fs/promises'

const root = new URL('..', import.meta.url)
const pkg = JSON.parse(await readFile(new URL('package.json', root), 'utf8'))
const next = `dist/.next-${process.pid}`
const OUTPUTS = [
  'chunks',
  'cli.js',
  'index.js',
  'runtime.js',
  'runtime-lms.js',
  'runtime-extras.js',
  'service-worker.js',
  'launch.js',
] // dist/types is tsc's

try {
  // Old phones stay on old Safari; learners on them must not be locked out.
  const browsers = ['es2019', 'chrome80', 'firefox78', 'safari13']
  const runtime = {
    absWorkingDir: root.pathname,
    bundle: true,
    minify: true,
    target: browsers,
    legalComments: 'none',
    logLevel: 'warning',
    // Code for LMS packages only is left out of every bundle but runtime-lms.js (src/runtime/build-flags.d.ts).
    define: { __CM_LMS_RUNTIME__: 'false' },
  }
  // The pages' runtime of web sites, and of LMS packages, which alone can keep progress in an LMS.
  for (const [out, lms] of [
    ['runtime.js', false],
    ['runtime-lms.js', true],
  ]) {
    const define = { __CM_LMS_RUNTIME__: String(lms) }
    await build({ ...runtime, define, entryPoints: ['src/runtime/main.ts'], outfile: `${next}/${out}`, format: 'iife' })
  }
  // The launch page of LMS packages (src/runtime/lms/launch.ts): it holds the LMS session.
  await build({ ...runtime, entryPoints: ['src/runtime/lms/launch.ts'], outfile: `${next}/launch.js`, format: 'iife' })
  // The second script, loaded on demand: it sets one global, the extras (src/runtime/extras-api.ts).
  await build({
    ...runtime,
    entryPoints: ['src/runtime/extras.ts'],
    outfile: `${next}/runtime-extras.js`,
    format: 'iife',
    globalName: '__coursemarkExtras',
  })
  await build({
    ...runtime,
    entryPoints: ['src/worker/service-worker.ts'],
    outfile: `${next}/service-worker.js`,
    format: 'iife',
  })

  await build({
    absWorkingDir: root.pathname,
    entryPoints: { cli: 'src/cli/main.ts', index: 'src/index.ts' },
    outdir: next,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    mainFields: ['module', 'main'],
    target: 'node20',
    // CM_PROFILE=1 keeps names readable in CPU profiles.
    minify: !process.env.CM_PROFILE,
    define: { COURSEMARK_VERSION: JSON.stringify(pkg.version) },
    chunkNames: 'chunks/[name]-[hash]',
    // Bundled CommonJS dependencies may call require(); give them one.
    banner: {
      js: "import { createRequire as __cmCreateRequire } from 'node:module'; const require = __cmCreateRequire(import.meta.url);",
    },
    logLevel: 'warning',
  })
} catch {
  await rm(new URL(`${next}/`, root), { recursive: true, force: true })
  console.error('Build failed; dist/ is unchanged.')
  process.exit(1)
}

await mkdir(new URL('dist/', root), { recursive: true })
for (const name of OUTPUTS) {
  await rm(new URL(`dist/${name}`, root), { recursive: true, force: true })
  await rename(new URL(`${next}/${name}`, root), new URL(`dist/${name}`, root))
}
await rm(new URL(`${next}/`, root), { recursive: true, force: true })
