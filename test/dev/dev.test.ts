/**
 * `coursemark dev` as a process, driven by real edits to a course folder:
 * the reload reaches a page open in Chromium, a bad edit is shown in the
 * browser and cleared when fixed, and the server lives through it all.
 * Every server started here is stopped, pass or fail.
 */
import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { get } from 'node:http'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { after, describe, test } from 'node:test'
import { chromium, type Browser } from 'playwright-core'
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/helpers.ts'
import { BIN, cli, tempPath, validCourse, writeCourse } from '../helpers/course.ts'

/** A running `coursemark dev`, its output so far, and how to wait for a line of it. */
interface Dev {
  proc: ChildProcess
  /** The site's address, with 127.0.0.1 (what the server listens on). */
  url: string
  stdout: () => string
  stderr: () => string
  /** Resolves with the first line after `from` (a length of stdout) that matches. */
  line: (pattern: RegExp, from: number) => Promise<string>
  stop: () => Promise<void>
}

const running = new Set<Dev>()
after(async () => {
  for (const dev of running) await dev.stop()
})

async function startDev(dir: string, ...args: string[]): Promise<Dev> {
  const proc = spawn(process.execPath, [BIN, 'dev', dir, '--port', '0', ...args], {
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  const waiters: (() => void)[] = []
  proc.stdout!.setEncoding('utf8').on('data', (s: string) => {
    out += s
    for (const w of [...waiters]) w()
  })
  proc.stderr!.setEncoding('utf8').on('data', (s: string) => (err += s))
  const exited = new Promise<void>((done) => proc.once('exit', () => done()))
  // Waits for a line, failing (with all output) if it has not come within a generous time.
  const line = (pattern: RegExp, from: number) =>
    new Promise<string>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer)
        const k = waiters.indexOf(look)
        if (k >= 0) waiters.splice(k, 1)
      }
      const look = () => {
        const found = out
          .slice(from)
          .split('\n')
          .slice(0, -1)
          .find((l) => pattern.test(l))
        if (found !== undefined) {
          done()
          resolve(found)
        } else if (proc.exitCode !== null || proc.signalCode !== null) {
          done()
          reject(new Error(`dev exited before printing ${pattern}:\n${out}${err}`))
        }
      }
      const timer = setTimeout(() => {
        done()
        reject(new Error(`dev did not print ${pattern} within 30 s:\n${out}${err}`))
      }, 30_000)
      waiters.push(look)
      proc.once('exit', look)
      look()
    })
  const dev: Dev = {
    proc,
    url: '',
    stdout: () => out,
    stderr: () => err,
    line,
    stop: async () => {
      running.delete(dev)
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM')
      await exited
    },
  }
  running.add(dev)
  const serving = await line(/^Serving .* at http:\/\/localhost:\d+\//, 0)
  dev.url = `http://127.0.0.1:${/localhost:(\d+)\//.exec(serving)![1]}/`
  return dev
}

/** GET a URL; resolves with status, headers and body. */
function fetchText(
  url: string,
  accept = '*/*',
): Promise<{ status: number; type: string; body: string; location: string | undefined }> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { accept } }, (res) => {
      let body = ''
      res
        .setEncoding('utf8')
        .on('data', (s: string) => (body += s))
        .on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers['content-type']),
            body,
            location: res.headers.location,
          }),
        )
    }).on('error', reject)
  })
}

/** Listens to dev's event stream like a page would; resolves each `reload` event in turn. */
function events(
  url: string,
  since = Date.now(),
  path = '/',
): { next: () => Promise<Reload>; until: (wanted: (e: Reload) => boolean) => Promise<Reload>; close: () => void } {
  const queue: string[] = []
  const waiting: ((s: string) => void)[] = []
  let buffer = ''
  const req = get(`${url}__coursemark/events?since=${since}&path=${encodeURIComponent(path)}`, (res) => {
    res.setEncoding('utf8').on('data', (s: string) => {
      buffer += s
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const data = /^event: reload\ndata: (.*)$/m.exec(block)?.[1]
        if (data !== undefined) (waiting.shift() ?? ((s: string) => queue.push(s)))(data)
      }
    })
  })
  req.on('error', () => {})
  const next = () =>
    new Promise<Reload>((resolve) => {
      const take = (s: string) => resolve(JSON.parse(s) as Reload)
      const ready = queue.shift()
      if (ready !== undefined) take(ready)
      else waiting.push(take)
    })
  // A busy machine may let dev see a file half-written, and send an event for that first.
  const until = async (wanted: (e: Reload) => boolean) => {
    for (let k = 0; k < 5; k++) {
      const e = await next()
      if (wanted(e)) return e
    }
    throw new Error('five reload events came, none of them the one expected')
  }
  return { next, until, close: () => req.destroy() }
}

/** What a `reload` event carries. */
interface Reload {
  changed: string[]
  error: boolean
  ms: number
}

const sectionOne = () => validCourse()['s1.md']!

describe('coursemark dev in Chromium', { skip: existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing` }, () => {
  let browser: Browser | null = null
  after(async () => {
    await browser?.close()
  })

  test('an edit reloads the open page; a bad edit shows the error in the page, escaped, until it is fixed', {
    timeout: 120_000,
  }, async () => {
    const dir = writeCourse({}, validCourse())
    const dev = await startDev(dir, '--open-all')
    try {
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
      const page = await (await browser.newContext()).newPage()
      const pageErrors: string[] = []
      page.on('pageerror', (e) => pageErrors.push(e.message))
      await page.goto(`${dev.url}s1/`)
      await page.locator('html[data-cm-dev="connected"]').waitFor()
      assert.equal(await page.locator('h1').textContent(), 'Section one')

      // A good edit: the page reloads by itself and shows it.
      let from = dev.stdout().length
      let loaded = page.waitForEvent('load')
      writeFileSync(join(dir, 's1.md'), sectionOne().replace('Some text.', 'Some edited text.'))
      await loaded
      await page.getByText('Some edited text.').waitFor()
      assert.match(
        await dev.line(
          /^Rebuilt in [\d.]+ ms after s1\.md changed: 1 page rendered, 1 file updated, reload sent to \d+ pages?\.$/,
          from,
        ),
        /Rebuilt/,
      )

      // A bad edit: every page shows the error, with its place and source line, as text.
      from = dev.stdout().length
      loaded = page.waitForEvent('load')
      writeFileSync(join(dir, 's1.md'), sectionOne().replace('{: data-n="2"}', '{: data-n="<b>two</b>"}'))
      await loaded
      await page.getByRole('heading', { name: 'The course does not build: 1 error' }).waitFor()
      // What the author sees, as rendered (innerText), not the DOM's text.
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point
      const text = await page.locator('main').innerText()
      assert.ok(text.includes('s1.md:9:3 data-n must be a whole number, not "<b>two</b>". [quiz/bad-n]'), text)
      assert.ok(text.includes('9 | {: data-n="<b>two</b>"}'), text)
      assert.equal(await page.locator('main b').count(), 0, 'the source is shown as text, not HTML')
      await dev.line(/^Build failed after s1\.md changed \([\d.]+ ms\): 1 error; shown in \d+ pages?\.$/, from)
      assert.match(dev.stderr(), /^s1\.md:9:3: error: data-n must be a whole number/m)

      // Fixed: the page comes back.
      loaded = page.waitForEvent('load')
      writeFileSync(join(dir, 's1.md'), sectionOne())
      await loaded
      await page.getByRole('heading', { level: 1, name: 'Section one' }).waitFor()
      assert.equal(await page.getByText('The course does not build').count(), 0)
      assert.deepEqual(pageErrors, [])
      assert.equal(dev.proc.exitCode, null, 'the server is still running')
    } finally {
      await dev.stop()
    }
  })
})

test('dev pushes a reload event for each rebuild, re-rendering only the page an edit touched', {
  timeout: 60_000,
}, async () => {
  const dir = writeCourse(
    { 's2.md': '---\ntitle: Section two\nclass: section\nserial: 3\n---\nMore text.\n' },
    validCourse(),
  )
  const dev = await startDev(dir)
  const stream = events(dev.url)
  try {
    assert.match(dev.stdout(), /^Built 4 pages in [\d.]+ (ms|s)\.\n/)
    const before = await fetchText(`${dev.url}s2/`, 'text/html')
    assert.equal(before.status, 200)
    assert.match(before.body, /<script src="\/__coursemark\/dev\.js" defer><\/script>/)
    const client = await fetchText(`${dev.url}__coursemark/dev.js`)
    assert.match(client.type, /^text\/javascript/)
    assert.match(client.body, /new EventSource\("\/__coursemark\/events"/)

    let from = dev.stdout().length
    writeFileSync(join(dir, 's2.md'), '---\ntitle: Section two\nclass: section\nserial: 3\n---\nMore text, edited.\n')
    const reload = await stream.until((e) => !e.error)
    assert.deepEqual(reload.changed, ['/s2/'])
    assert.equal(reload.error, false)
    assert.equal(typeof reload.ms, 'number')
    await dev.line(
      /^Rebuilt in [\d.]+ ms after s2\.md changed: 1 page rendered, 1 file updated, reload sent to 1 page\.$/,
      from,
    )
    assert.match((await fetchText(`${dev.url}s2/`, 'text/html')).body, /<p>More text, edited\.<\/p>/)

    // A new title changes the course's shape (dots, outline, Liquid): every page is rendered again.
    from = dev.stdout().length
    writeFileSync(join(dir, 's2.md'), '---\ntitle: Section 2\nclass: section\nserial: 3\n---\nMore text, edited.\n')
    const retitled = await stream.until((e) => !e.error)
    assert.ok(retitled.changed.includes('/s2/') && retitled.changed.includes('/s1/'), retitled.changed.join(' '))
    await dev.line(/^Rebuilt in [\d.]+ ms after s2\.md changed: 4 pages rendered, \d+ files updated/, from)

    // A page added is served, and a page removed is gone.
    writeFileSync(join(dir, 's3.md'), '---\ntitle: Section three\nclass: section\nserial: 4\n---\nNew.\n')
    assert.ok((await stream.until((e) => !e.error)).changed.includes('/s3/'))
    assert.equal((await fetchText(`${dev.url}s3/`, 'text/html')).status, 200)
    assert.equal(dev.proc.exitCode, null)
  } finally {
    stream.close()
    await dev.stop()
  }
})

test('dev keeps serving through a broken course, showing the errors for every page until it builds again', {
  timeout: 60_000,
}, async () => {
  const dir = writeCourse({}, validCourse())
  const dev = await startDev(dir)
  const stream = events(dev.url)
  try {
    const good = await fetchText(`${dev.url}s1/`, 'text/html')
    const script = /<script defer src="\/(assets\/[^"]+)">/.exec(good.body)![1]!
    writeFileSync(join(dir, 's1.md'), '---\ntitle: S\nclass: lesson\nserial: 2\n---\nText.\n')
    const broken = await stream.next()
    assert.deepEqual([broken.changed, broken.error], [[], true])
    for (const path of ['', 's1/', 'ch1/', 'nowhere/']) {
      const r = await fetchText(`${dev.url}${path}`, 'text/html')
      assert.equal(r.status, 500, path)
      assert.match(
        r.body,
        /<h2><code>s1\.md:3:8<\/code> Unknown class &quot;lesson&quot;\. <code>\[front-matter\/unknown-class\]<\/code><\/h2>\n<pre> {2}3 \| class: lesson\n {4}\| {8}\^<\/pre>/,
        r.body,
      )
    }
    assert.equal((await fetchText(`${dev.url}${script}`)).status, 200, "the last good site's files are still served")

    writeFileSync(join(dir, 's1.md'), sectionOne())
    const fixed = await stream.until((e) => !e.error)
    assert.deepEqual(fixed.changed, [])
    assert.equal((await fetchText(`${dev.url}s1/`, 'text/html')).status, 200)
    assert.equal(dev.proc.exitCode, null)
  } finally {
    stream.close()
    await dev.stop()
  }
})

test('dev --open-all builds every page open, and says so', { timeout: 60_000 }, async () => {
  const dir = writeCourse({}, validCourse())
  const dev = await startDev(dir, '--open-all')
  try {
    assert.match(dev.stdout(), /^Serving .* with every page open \(--open-all\); watching for changes/m)
    const page = await fetchText(`${dev.url}s1/`, 'text/html')
    const script = /<script defer src="(\/assets\/coursemark\.[0-9a-f]+\.js)">/.exec(page.body)![1]!
    assert.match((await fetchText(`${dev.url}${script.slice(1)}`)).body, /"openAll":true/)
    assert.match(page.body, /\{"k":"coursemark:[^"]+:v2","o":true\}/, 'the head gate takes every page for open')
  } finally {
    await dev.stop()
  }
})

test('dev answers a page it does not have with a 404 page that reloads once the page exists', {
  timeout: 60_000,
}, async () => {
  const dev = await startDev(writeCourse({}, validCourse()))
  try {
    const missing = await fetchText(`${dev.url}nowhere/`, 'text/html')
    assert.equal(missing.status, 404)
    assert.match(missing.body, /The course has no page at <code>\/nowhere\/<\/code>/)
    assert.match(missing.body, /<script src="\/__coursemark\/dev\.js" defer>/)
  } finally {
    await dev.stop()
  }
})

test('dev --base serves the site under that path, as `build --base` publishes it', { timeout: 60_000 }, async () => {
  const dir = writeCourse({}, validCourse())
  const dev = await startDev(dir, '--base', '/course/')
  const stream = events(dev.url, Date.now(), '/course/s1/')
  try {
    assert.match(dev.stdout(), /^Serving .* at http:\/\/localhost:\d+\/course\/; watching/m)
    const page = await fetchText(`${dev.url}course/s1/`, 'text/html')
    assert.equal(page.status, 200)
    const js = /<script defer src="(\/course\/assets\/coursemark\.[0-9a-f]+\.js)">/.exec(page.body)
    assert.ok(js, 'the page loads its script under the base')
    assert.equal((await fetchText(`${dev.url}${js[1]!.slice(1)}`)).status, 200)
    assert.match(page.body, /<script src="\/__coursemark\/dev\.js" defer><\/script>/)
    const home = await fetchText(dev.url, 'text/html')
    assert.deepEqual([home.status, home.location], [302, '/course/'])
    assert.equal((await fetchText(`${dev.url}s1/`, 'text/html')).status, 404, 'outside the base is not the site')

    writeFileSync(join(dir, 's1.md'), sectionOne().replace('Some text.', 'Some edited text.'))
    assert.deepEqual((await stream.until((e) => !e.error)).changed, ['/course/s1/'])
  } finally {
    stream.close()
    await dev.stop()
  }
})

test('dev reports a port in use at once, before building anything', async () => {
  const taken = createServer()
  await new Promise<void>((done) => taken.listen(0, '127.0.0.1', done))
  try {
    const port = (taken.address() as { port: number }).port
    const r = cli(['dev', writeCourse({}, validCourse()), '--port', String(port)])
    assert.equal(r.code, 1)
    assert.equal(
      r.stderr,
      `coursemark: Port ${port} is in use.\n  hint: Pass another one with --port, or --port 0 for any free port.\n`,
    )
    assert.equal(r.stdout, '', 'nothing was built')
  } finally {
    taken.close()
  }
})

test('dev refuses a folder that is not there (exit 1) and bad usage (exit 2)', () => {
  const r = cli(['dev', tempPath('nowhere'), '--port', '0'])
  assert.equal(r.code, 1)
  assert.match(r.stderr, /^coursemark: .*nowhere is not a course folder\.\n {2}hint: /)
  assert.equal(cli(['dev', '--port', 'eighty']).code, 2)
  assert.equal(cli(['dev', 'a', 'b']).code, 2)
  const help = cli(['dev', '--help'])
  assert.equal(help.code, 0)
  assert.match(help.stdout, /^Usage: coursemark dev \[COURSE_DIR\] \[--port N\] \[--base PATH\] \[--open-all\]/)
})
