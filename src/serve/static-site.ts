/**
 * Serves a folder of files over HTTP as a good static host does: a URL path
 * maps to a file (`/intro/` and `/intro` to `intro/index.html`, `/a` to
 * `a.html`), with ETag revalidation, byte ranges and, for a host, the
 * caching a course needs and compressed text:
 *
 *   assets/coursemark[-extras].<hash>.js|css   Cache-Control: public, max-age=31536000, immutable
 *   everything else (HTML, images)             Cache-Control: no-cache (revalidated by ETag)
 *   text (HTML, CSS, JS, SVG, JSON)            brotli or gzip, as the browser accepts
 *
 * `coursemark serve` serves a built site so; `dev` serves its own copy with
 * `no-store` and no compression, as every file there may change at any time.
 * Names starting with a dot (coursemark's own marker file) are never served.
 */
import { createReadStream, readFileSync, type Stats, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join, posix } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { compressible, contentType } from './content-type.ts'

export interface StaticSiteOptions {
  /** The folder to serve. */
  root: string
  /** The URL path it is served under, with a slash at each end: the site's `--base`. */
  base: string
  /** `host`: cache headers and compression as a static host; `dev`: `no-store`, sent as it is. */
  mode: 'host' | 'dev'
}

/** Serves the file the request's URL names, or calls `next` when there is none (or it is outside the base). */
export type StaticSite = (req: IncomingMessage, res: ServerResponse, next: () => void) => void

/** Hashed names change with their content, so a browser may keep them for good. */
const HASHED = /(^|\/)assets\/coursemark(-[a-z]+)?\.[0-9a-f]{10}\.(js|css)$/
/** Compressing smaller files saves nothing worth a round of work. */
const COMPRESS_FROM_BYTES = 512

export function staticSite(options: StaticSiteOptions): StaticSite {
  // Compressed bodies by file, encoding and version (the ETag): each is compressed once.
  const compressed = new Map<string, Buffer>()
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res
        .writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' })
        .end('Method not allowed\n')
      return
    }
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (!url.pathname.startsWith(options.base)) return next()
    const found = findFile(options.root, url.pathname.slice(options.base.length))
    if (!found) return next()
    if (found.redirect) {
      res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end()
      return
    }
    const { file, stats, name } = found
    const etag = `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`
    const type = contentType(name)
    const headers: Record<string, string> = {
      'content-type': type,
      'cache-control':
        options.mode === 'dev' ? 'no-store' : HASHED.test(name) ? 'public, max-age=31536000, immutable' : 'no-cache',
      etag,
      'last-modified': stats.mtime.toUTCString(),
      'x-content-type-options': 'nosniff',
    }
    const compress = options.mode === 'host' && compressible(type)
    if (compress) headers['vary'] = 'Accept-Encoding'
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers).end()
      return
    }
    const encoding = compress && stats.size >= COMPRESS_FROM_BYTES ? chooseEncoding(req) : null
    if (encoding) {
      const key = `${encoding} ${file} ${etag}`
      let body = compressed.get(key)
      if (!body) {
        body = encode(file, encoding)
        compressed.set(key, body)
      }
      headers['content-encoding'] = encoding
      headers['content-length'] = String(body.length)
      res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : body)
      return
    }
    sendFile(req, res, file, stats, headers)
  }
}

type Found = { file: string; stats: Stats; name: string; redirect?: false } | { redirect: true }

/**
 * The file a URL path below the base names (`intro/`, `intro`, `a.png`, as
 * sent), a redirect when it names a folder without its slash, or null.
 */
function findFile(root: string, urlPath: string): Found | null {
  let path: string
  try {
    path = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (path.includes('\0')) return null
  // Normalised, a path cannot climb out of the root; a dot name is private.
  const clean = posix.normalize(`/${path}`).slice(1)
  if (clean.split('/').some((part) => part.startsWith('.'))) return null
  const asFile = (name: string) => {
    const stats = statSync(join(root, ...name.split('/')), { throwIfNoEntry: false })
    return stats?.isFile() ? { file: join(root, ...name.split('/')), stats, name } : null
  }
  if (clean === '' || clean.endsWith('/')) return asFile(`${clean}index.html`)
  const direct = asFile(clean) ?? asFile(`${clean}.html`)
  if (direct) return direct
  // A folder's page needs its slash, or its relative links would start from the parent.
  return asFile(`${clean}/index.html`) ? { redirect: true } : null
}

/** br when the browser takes it, else gzip, else null. */
function chooseEncoding(req: IncomingMessage): 'br' | 'gzip' | null {
  const accepted = String(req.headers['accept-encoding'] ?? '')
    .split(',')
    .map((part) => part.trim().split(';'))
    .filter(([, q]) => q === undefined || !/^q=0(\.0*)?$/.test(q.trim()))
    .map(([name]) => name!.toLowerCase())
  if (accepted.includes('br')) return 'br'
  if (accepted.includes('gzip')) return 'gzip'
  return null
}

function encode(file: string, encoding: 'br' | 'gzip'): Buffer {
  const data = readFileSync(file)
  return encoding === 'br'
    ? brotliCompressSync(data, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
      })
    : gzipSync(data, { level: 9 })
}

/** Sends the file as it is, or the one byte range asked for. */
function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  stats: Stats,
  headers: Record<string, string>,
): void {
  headers['accept-ranges'] = 'bytes'
  let start = 0
  let end = stats.size - 1
  let status = 200
  const range = /^bytes=(\d*)-(\d*)$/.exec(String(req.headers.range ?? ''))
  if (range && (range[1] || range[2])) {
    if (range[1]) {
      start = Number(range[1])
      if (range[2]) end = Math.min(Number(range[2]), end)
    } else start = Math.max(0, stats.size - Number(range[2]))
    if (start > end || start >= stats.size) {
      res.writeHead(416, { 'content-range': `bytes */${stats.size}` }).end()
      return
    }
    status = 206
    headers['content-range'] = `bytes ${start}-${end}/${stats.size}`
  }
  headers['content-length'] = String(end - start + 1)
  res.writeHead(status, headers)
  if (req.method === 'HEAD' || stats.size === 0) {
    res.end()
    return
  }
  createReadStream(file, { start, end }).pipe(res)
}
