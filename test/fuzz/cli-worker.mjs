// A long-lived Node process that runs the coursemark CLI's main() (from
// dist/coursemark.cjs, the bundle bin/coursemark.js runs) once per message,
// its output captured, so that the fuzz suite need not start a process per
// command. A process, not
// a worker thread: a crash of the code under test (V8 aborts on some
// allocations) must not take the fuzz run down with it. The parent kills
// it when a command runs too long, and starts another.
import { createRequire } from 'node:module'

const { main } = createRequire(import.meta.url)('../../dist/coursemark.cjs')
let stdout = ''
let stderr = ''
process.stdout.write = (chunk) => {
  stdout += chunk
  return true
}
process.stderr.write = (chunk) => {
  stderr += chunk
  return true
}

process.on('message', async ({ args }) => {
  stdout = ''
  stderr = ''
  let code
  try {
    code = await main(args)
  } catch (e) {
    // What bin/coursemark.js prints for an exception main() lets through.
    stderr += `coursemark: internal error, please report it with this output:\n${e?.stack ? e.stack : e}\n`
    code = 70
  }
  process.send({ code, stdout, stderr })
})
process.send({ ready: true })
