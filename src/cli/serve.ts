/** `coursemark serve [SITE_DIR] [--port N]`: serves a built site on localhost, as a static host would. */
import { createServer } from 'node:http'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { UserError } from '../diagnostics/user-error.ts'

export const SERVE_HELP = `Usage: coursemark serve [SITE_DIR] [--port N] [--base PATH]

Serves a built site (default: _site) on http://localhost:PORT, as a static
host would, for a look before you publish it.

Options:
  -p, --port N      port to listen on (default: 8080; 0 picks a free one)
  -b, --base PATH   URL path the site was built for with --base (default: /)
  -h, --help        show this help`

export async function runServe(args: { dir: string; port: number; base: string }): Promise<number> {
  const root = resolve(args.dir)
  if (!existsSync(resolve(root, 'index.html'))) {
    throw new UserError(`${args.dir} holds no built site (no index.html).`, {
      hint: 'Build one first: `coursemark build COURSE_DIR --out ' + args.dir + '`.',
    })
  }
  const { default: sirv } = await import('sirv')
  const files = sirv(root, { dev: true, etag: true, extensions: ['html'] })
  const base = args.base
  const server = createServer((req, res) => {
    const url = req.url ?? '/'
    if (!url.startsWith(base) && `${url}/` !== base) {
      res.writeHead(302, { location: base }).end()
      return
    }
    req.url = `/${url.slice(base.length)}`
    files(req, res, () => {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n')
    })
  })
  await new Promise<void>((done, fail) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      fail(
        e.code === 'EADDRINUSE'
          ? new UserError(`Port ${args.port} is in use.`, {
              hint: 'Pass another one with --port, or --port 0 for any free port.',
            })
          : e,
      ),
    )
    server.listen(args.port, '127.0.0.1', done)
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : args.port
  process.stdout.write(`Serving ${args.dir} at http://localhost:${port}${base}  (Ctrl+C to stop)\n`)
  await new Promise<void>((done) => {
    const stop = () => server.close(() => done())
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  return 0
}
