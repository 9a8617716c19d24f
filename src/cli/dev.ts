/** `coursemark dev [COURSE_DIR] [--port N] [--base PATH] [--open-all]` */
import { startDevServer } from '../dev/dev-server.ts'
import { formatDiagnostics } from '../diagnostics/format.ts'
import { styleFor } from './report-style.ts'

export const DEV_HELP = `Usage: coursemark dev [COURSE_DIR] [--port N] [--base PATH] [--open-all]

Builds the course in COURSE_DIR (default: the current folder) into memory,
serves it on http://localhost:PORT, and watches the folder: each time you
save a page, what changed is rebuilt and the page open in your browser
reloads. While the course does not build, the browser shows the errors, with
file, line and source, until you fix them. Nothing is written to the course
or to an output folder.

Each rebuild prints a line such as
  Rebuilt in 7.9 ms after intro.md changed: 1 page rendered, 1 file updated, reload sent to 1 page.

Options:
  -p, --port N      port to listen on (default: 8080; 0 picks a free one)
  -b, --base PATH   URL path to serve the site under (default: /), as
                    \`build --base\` will publish it, e.g. /listen/
      --open-all    open every section without passing quizzes (a banner says so)
  -h, --help        show this help`

export async function runDev(args: { dir: string; port: number; base: string; openAll: boolean }): Promise<number> {
  const style = styleFor(process.stderr)
  const server = await startDevServer({
    courseDir: args.dir,
    port: args.port,
    base: args.base,
    openAll: args.openAll,
    log: (line) => process.stdout.write(`${line}\n`),
    report: (diagnostics, sources) => process.stderr.write(`${formatDiagnostics(diagnostics, sources, style)}\n\n`),
  })
  process.stdout.write(
    `Serving ${args.dir} at ${server.url}${args.openAll ? ' with every page open (--open-all)' : ''}; watching for changes (Ctrl+C to stop).\n`,
  )
  await new Promise<void>((done) => {
    process.once('SIGINT', done)
    process.once('SIGTERM', done)
  })
  await server.close()
  return 0
}
