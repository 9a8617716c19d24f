#!/usr/bin/env node
// The coursemark command. The code lives in dist/cli.js, bundled by `npm run build`.
import { main } from '../dist/cli.js'

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (e) => {
    process.stderr.write(`coursemark: internal error, please report it with this output:\n${e?.stack ? e.stack : e}\n`)
    process.exitCode = 70
  },
)
