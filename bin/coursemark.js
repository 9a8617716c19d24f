#!/usr/bin/env node
// The coursemark command. Its code is dist/coursemark.cjs, one file holding
// the CLI and every library it uses (`npm run build` makes it).
//
// Compiling that file is a good part of a small build's time, so it is loaded
// through V8's code cache: after a command has run, the bytecode of what it
// compiled is saved in the user's cache folder, and the next run of that
// command starts from it. The cache is per command and per Node version, and
// V8 checks it before use; when it is missing, stale or unreadable, the file
// is simply compiled. NODE_DISABLE_COMPILE_CACHE=1 turns it off (as in Node 22).
// CommonJS (bin/package.json says so), not an ES module: it starts a few ms sooner.
'use strict'
const { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs')
const { createRequire } = require('node:module')
const { homedir } = require('node:os')
const { dirname, join } = require('node:path')
const { Script } = require('node:vm')

const bundle = join(__dirname, '..', 'dist', 'coursemark.cjs')
const argv = process.argv.slice(2)
const cacheFile = codeCacheFile(argv[0])
let cachedData
try {
  if (cacheFile) cachedData = readFileSync(cacheFile)
} catch {
  // No cache yet: this run makes it.
}
// The wrapper Node puts around every CommonJS module.
const script = new Script(
  `(function (exports, require, module, __filename, __dirname) {${readFileSync(bundle, 'utf8')}\n})`,
  { filename: bundle, cachedData },
)
const mod = { exports: {} }
script.runInThisContext()(mod.exports, createRequire(bundle), mod, bundle, dirname(bundle))

mod.exports.main(argv).then(
  (code) => {
    process.exitCode = code
    // Not after a usage error: a mistyped command would leave a cache nobody reads.
    if (code !== 2 && cacheFile && (cachedData === undefined || script.cachedDataRejected))
      saveCodeCache(cacheFile, script)
  },
  (e) => {
    process.stderr.write(`coursemark: internal error, please report it with this output:\n${e?.stack ? e.stack : e}\n`)
    process.exitCode = 70
  },
)

/**
 * Where the code cache of `command` lives, or null when it is off. The name
 * holds the bundle's size and time, so a new install never meets an old cache.
 */
function codeCacheFile(command) {
  const off = process.env.NODE_DISABLE_COMPILE_CACHE
  if (off !== undefined && off !== '' && off !== '0') return null
  try {
    const s = statSync(bundle)
    const home =
      process.env.XDG_CACHE_HOME ||
      (process.platform === 'win32' && process.env.LOCALAPPDATA) ||
      join(homedir(), '.cache')
    const name = /^[a-z]+$/.test(command ?? '') ? command : 'other'
    return join(home, 'coursemark', `${name}-${process.version}-${process.arch}-${s.size}-${Math.round(s.mtimeMs)}.v8`)
  } catch {
    return null
  }
}

/**
 * Writes the cache beside its place and renames it there, so a reader never
 * sees half of it; the same command's caches for other installs go.
 */
function saveCodeCache(file, compiled) {
  try {
    const dir = dirname(file)
    mkdirSync(dir, { recursive: true })
    const temp = `${file}.${process.pid}.tmp`
    writeFileSync(temp, compiled.createCachedData())
    renameSync(temp, file)
    const command = file.slice(dir.length + 1).split('-')[0]
    for (const old of readdirSync(dir))
      if (old.startsWith(`${command}-`) && old.endsWith('.v8') && join(dir, old) !== file) rmSync(join(dir, old))
  } catch {
    // A cache that cannot be written only costs the next run some time.
  }
}
