/**
 * A built site served on 127.0.0.1 by sirv (a plain static server, sending
 * files uncompressed and with no cache headers), under the site's base path. `/__bench/blank` is an
 * empty page of the same origin, where the runtime bench seeds a learner's
 * progress before the timed visit without loading anything of the site, and
 * `/__bench/radio` a bare page holding one radio, timed like a section to
 * show what any page costs on this machine.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import sirv from 'sirv'

export const BLANK_PATH = '/__bench/blank'
/** A bare page with one radio: the floor of the runtime measure on this machine. */
export const BARE_RADIO_PATH = '/__bench/radio'

const BARE_PAGES: Record<string, string> = {
  [BLANK_PATH]: '<!doctype html><html lang="en"><title>blank</title></html>',
  [BARE_RADIO_PATH]:
    '<!doctype html><html lang="en"><title>radio</title><label><input type="radio" name="a"> True</label></html>',
}

/** A running server and how to stop it. */
export interface SiteServer {
  /** `http://127.0.0.1:<port>` */
  origin: string
  close: () => Promise<void>
}

export async function serveSite(dir: string, base: string): Promise<SiteServer> {
  const files = sirv(dir, { etag: true })
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/'
    const bare = BARE_PAGES[url]
    if (bare !== undefined) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      res.end(bare)
      return
    }
    const notFound = () => {
      res.writeHead(404, { 'content-type': 'text/plain' })
      res.end('not found')
    }
    if (!url.startsWith(base)) return notFound()
    req.url = url.slice(base.length - 1)
    files(req, res, notFound)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  }
}
