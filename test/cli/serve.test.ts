/**
 * `coursemark serve` as a process, over HTTP: the caching a static host
 * should set for a course (hashed assets for a year, pages revalidated),
 * compression as the browser accepts it, and nothing served from outside the
 * site or from its private files.
 */
import assert from 'node:assert/strict'
import { type ChildProcess, spawn } from 'node:child_process'
import { copyFileSync, readdirSync, readFileSync } from 'node:fs'
import { type IncomingHttpHeaders, request } from 'node:http'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { BIN, cli, ROOT, tempPath } from '../helpers/course.ts'
import { tempDir } from '../helpers/temp.ts'

const site = tempPath('site')
let server: ChildProcess
let origin = ''

before(async () => {
  const course = tempDir('cm-serve-course-')
  for (const f of readdirSync(join(ROOT, 'example'))) copyFileSync(join(ROOT, 'example', f), join(course, f))
  // A file that is not text, to be sent as it is, in ranges too.
  copyFileSync(join(ROOT, 'test', 'fixtures', 'serve', 'pixel.png'), join(course, 'pixel.png'))
  assert.equal(cli(['build', course, '--out', site, '--base', '/course/']).code, 0)
  server = spawn(process.execPath, [BIN, 'serve', site, '--port', '0', '--base', '/course/'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const line = await new Promise<string>((resolve, reject) => {
    let out = ''
    server.stdout!.setEncoding('utf8').on('data', (s: string) => {
      out += s
      if (out.includes('\n')) resolve(out)
    })
    server.once('exit', (code) => reject(new Error(`serve exited with ${code}`)))
  })
  assert.match(line, /^Serving .* at http:\/\/localhost:\d+\/course\/ {2}\(Ctrl\+C to stop\)\n$/)
  origin = `http://127.0.0.1:${/localhost:(\d+)/.exec(line)![1]}`
})

after(() => {
  server?.kill('SIGTERM')
})

interface Response {
  status: number
  headers: IncomingHttpHeaders
  body: Buffer
}

function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = request(`${origin}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', reject)
    req.end()
  })
}

const onDisk = (path: string) => readFileSync(join(site, path))

test('pages are revalidated on every visit and compressed with brotli when the browser takes it', async () => {
  const r = await get('/course/', { 'accept-encoding': 'gzip, deflate, br' })
  assert.equal(r.status, 200)
  assert.equal(r.headers['content-type'], 'text/html; charset=utf-8')
  assert.equal(r.headers['cache-control'], 'no-cache')
  assert.equal(r.headers['content-encoding'], 'br')
  assert.equal(r.headers['vary'], 'Accept-Encoding')
  assert.equal(Number(r.headers['content-length']), r.body.length)
  assert.deepEqual(brotliDecompressSync(r.body), onDisk('index.html'))
  assert.ok(r.body.length < onDisk('index.html').length / 2, 'smaller by half at least')

  const again = await get('/course/', { 'if-none-match': String(r.headers.etag) })
  assert.equal(again.status, 304, 'an unchanged page costs no body')
  assert.equal(again.body.length, 0)
})

test('hashed assets are cached for a year as immutable, gzipped for a browser without brotli', async () => {
  const assets = readdirSync(join(site, 'assets'))
  assert.ok(assets.length >= 4, assets.join(' '))
  for (const name of assets) {
    const path = `assets/${name}`
    assert.match(name, /^coursemark(-[a-z]+)?\.[0-9a-f]{10}\.(css|js)$/, 'every asset coursemark writes is hashed')
    const r = await get(`/course/${path}`, { 'accept-encoding': 'gzip' })
    assert.equal(r.status, 200, path)
    assert.equal(r.headers['content-type'], `text/${name.endsWith('.css') ? 'css' : 'javascript'}; charset=utf-8`)
    assert.equal(r.headers['cache-control'], 'public, max-age=31536000, immutable', path)
    assert.equal(r.headers['content-encoding'], 'gzip')
    assert.deepEqual(gunzipSync(r.body), onDisk(path))
  }
})

test('without Accept-Encoding, files go as they are; other files are revalidated and served in ranges', async () => {
  const page = await get('/course/getting-started/')
  assert.equal(page.headers['content-encoding'], undefined)
  assert.deepEqual(page.body, onDisk('getting-started/index.html'))

  const png = await get('/course/pixel.png', { 'accept-encoding': 'br, gzip' })
  assert.equal(png.headers['content-type'], 'image/png')
  assert.equal(png.headers['content-encoding'], undefined, 'a PNG is compressed already')
  assert.equal(png.headers['cache-control'], 'no-cache')
  assert.deepEqual(png.body, onDisk('pixel.png'))
  const part = await get('/course/pixel.png', { range: 'bytes=1-3' })
  assert.equal(part.status, 206)
  assert.equal(part.headers['content-range'], `bytes 1-3/${onDisk('pixel.png').length}`)
  assert.deepEqual(part.body, onDisk('pixel.png').subarray(1, 4))

  const head = await get('/course/', {}, 'HEAD')
  assert.equal(head.status, 200)
  assert.equal(head.body.length, 0)
  assert.equal(Number(head.headers['content-length']), onDisk('index.html').length)
})

test('URLs lead to the site as on a static host, and nothing outside it or private to it is served', async () => {
  assert.deepEqual([(await get('/')).status, (await get('/')).headers.location], [302, '/course/'])
  const folder = await get('/course/getting-started?x=1')
  assert.deepEqual([folder.status, folder.headers.location], [301, '/course/getting-started/?x=1'])
  for (const path of [
    '/course/nowhere/',
    '/course/.coursemark-site.json',
    '/course/%2e%2e/%2e%2e/package.json',
    '/course/..%2f..%2fpackage.json',
    '/elsewhere/',
  ]) {
    assert.equal((await get(path)).status, 404, path)
  }
})

test('a port in use is reported with a hint to pass another one', async () => {
  const taken = createServer()
  await new Promise<void>((done) => taken.listen(0, '127.0.0.1', done))
  try {
    const port = (taken.address() as { port: number }).port
    const r = cli(['serve', site, '--port', String(port), '--base', '/course/'])
    assert.equal(r.code, 1)
    assert.equal(
      r.stderr,
      `coursemark: Port ${port} is in use.\n  hint: Pass another one with --port, or --port 0 for any free port.\n`,
    )
  } finally {
    taken.close()
  }
})
