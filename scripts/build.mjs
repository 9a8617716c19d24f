// Compiles the TypeScript sources with esbuild: the browser runtime into one
// minified script, and the CLI and Node API into bundles that load fast (the
// dev server and Liquid sit in chunks loaded only when a build needs them).
import { build } from 'esbuild'
import { mkdir, readFile, rm } from 'node:fs/promises'

const root = new URL('..', import.meta.url)
const pkg = JSON.parse(await readFile(new URL('package.json', root), 'utf8'))
// Keep dist/types (declarations, made by `npm run build:types`).
for (const old of ['dist/chunks/', 'dist/cli.js', 'dist/index.js', 'dist/runtime.js']) await rm(new URL(old, root), { recursive: true, force: true })
await mkdir(new URL('dist/', root), { recursive: true })

await build({
  absWorkingDir: root.pathname,
  entryPoints: ['src/runtime/main.ts'],
  outfile: 'dist/runtime.js',
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2019', 'chrome80', 'firefox78', 'safari13'],
  legalComments: 'none',
  logLevel: 'warning',
})

await build({
  absWorkingDir: root.pathname,
  entryPoints: { cli: 'src/cli/main.ts', index: 'src/index.ts' },
  outdir: 'dist',
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
  banner: { js: "import { createRequire as __cmCreateRequire } from 'node:module'; const require = __cmCreateRequire(import.meta.url);" },
  logLevel: 'warning',
})
