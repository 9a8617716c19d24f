/** `coursemark serve [SITE_DIR] [--port N] [--base PATH]`: serves a built site on localhost, as a static host would. */
import { existsSync } from 'node:fs'
import { createServer } from 'node:http'
import { resolve } from 'node:path'
import { UserError } from '../diagnostics/user-error.ts'
import { listen } from '../serve/listen.ts'
import { staticSite } from '../serve/static-site.ts'

export const SERVE_HELP = `Usage: coursemark serve [SITE_DIR] [--port N] [--base PATH]

Serves a built site (default: _site) on http://localhost:PORT, as a static
host would, for a look before you publish it: hashed assets are cached for a
year, pages are revalidated on every visit, and text is compressed (brotli
or gzip).

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
  const base = args.base
  const site = staticSite({ root, base, mode: 'host' })
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname
    // The host's root, or the base without its slash, leads to the site.
    if (base !== '/' && (path === '/' || `${path}/` === base)) {
      res.writeHead(302, { location: base }).end()
      return
    }
    site(req, res, () => {
      res
        .writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' })
        .end('Not found\n')
    })
  })
  const port = await listen(server, args.port)
  process.stdout.write(`Serving ${args.dir} at http://localhost:${port}${base}  (Ctrl+C to stop)\n`)
  await new Promise<void>((done) => {
    const stop = () => {
      server.close(() => done())
      server.closeAllConnections()
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  return 0
}
