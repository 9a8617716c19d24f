/**
 * A built site served on 127.0.0.1 the way a static host serves it, for the
 * runtime rows: every response gzipped (sirv, which serve-site.ts uses, only
 * sends precompressed files, so a page would arrive raw), HTML `no-cache`
 * with an ETag, hashed assets `immutable`. Beside the site, on the same
 * origin: `/__bench/blank`, an empty page where a learner's progress is
 * seeded, and `/__bench/bare/<id>/`, each measured page's bare twin
 * (bare-twin.ts).
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { SiteServer } from './serve-site.ts'

export const HOST_BLANK_PATH = '/__bench/blank'
/** Where the bare twin of page `id` is served. */
export const barePath = (id: string) => `/__bench/bare/${encodeURIComponent(id)}/`

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
}

interface Prepared {
  raw: Buffer
  gzip: Buffer
  etag: string
}

function prepare(raw: Buffer): Prepared {
  return {
    raw,
    gzip: gzipSync(raw, { level: 9 }),
    etag: `"${createHash('sha1').update(raw).digest('hex').slice(0, 16)}"`,
  }
}

/** Serve the site in `dir` under `base`, with the bare twins in `bare` (page id → HTML). */
export async function serveLikeHost(dir: string, base: string, bare: ReadonlyMap<string, string>): Promise<SiteServer> {
  const files = new Map<string, Prepared>()
  const twins = new Map([...bare].map(([id, html]) => [barePath(id), prepare(Buffer.from(html))]))
  twins.set(HOST_BLANK_PATH, prepare(Buffer.from('<!doctype html><html lang="en"><title>blank</title></html>')))
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    let file = twins.get(path) ?? null
    let type = TYPES['.html']!
    let immutable = false
    if (!file && path.startsWith(base)) {
      let disk = join(dir, normalize(path.slice(base.length)))
      if (disk.startsWith(dir) && existsSync(disk) && statSync(disk).isDirectory()) disk = join(disk, 'index.html')
      if (disk.startsWith(dir) && existsSync(disk)) {
        file = files.get(disk) ?? prepare(readFileSync(disk))
        files.set(disk, file)
        type = TYPES[extname(disk)] ?? 'application/octet-stream'
        immutable = /\/assets\/coursemark[\w-]*\.[0-9a-f]{10}\./.test(path)
      }
    }
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' })
      res.end('not found')
      return
    }
    const headers: Record<string, string | number> = {
      'content-type': type,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      etag: file.etag,
      vary: 'accept-encoding',
    }
    if (req.headers['if-none-match'] === file.etag) {
      res.writeHead(304, headers)
      res.end()
      return
    }
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
    const body = gzip ? file.gzip : file.raw
    if (gzip) headers['content-encoding'] = 'gzip'
    headers['content-length'] = body.length
    res.writeHead(200, headers)
    res.end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  }
}
