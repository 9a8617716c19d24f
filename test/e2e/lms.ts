/**
 * A test LMS for the browser tests of SCORM packages: one server on
 * 127.0.0.1 serving the host page (lms-host/, with scorm-again as the
 * run-time), scorm-again itself, and an unzipped package under a path of
 * its own, `/lms/content/7/`, as an LMS serves packages: exact files only,
 * no directory index, so a folder URL or a root-relative one fails. The data
 * the host sends at each Commit and Terminate is kept, as an LMS keeps it.
 */
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize } from 'node:path'
import type { FrameLocator, Page } from 'playwright-core'
import { ROOT, type Served } from './helpers.ts'

/** Where the package is served. */
export const CONTENT = '/lms/content/7/'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.xml': 'application/xml',
  '.xsd': 'application/xml',
}

/** What the host sent at a Commit or Terminate: the call, the data model as the LMS keeps it, every call so far. */
export interface Kept {
  fn: string
  cmi: { cmi: Record<string, unknown> & { core?: Record<string, unknown> } }
  log: LmsCall[]
}

/** One call the package made, with the error code the LMS reported right after it. */
export interface LmsCall {
  fn: string
  args: string[]
  types: string[]
  result: string
  error: string
}

export interface LmsServer extends Served {
  /** Everything the host sent, in order. */
  kept: Kept[]
  /** Every request: its path, and the URL of the document that made it. */
  requests: { path: string; from: string }[]
}

/** Serves the test LMS and the unzipped package in `packageDir`. */
export async function serveLms(packageDir: string): Promise<LmsServer> {
  const kept: Kept[] = []
  const requests: { path: string; from: string }[] = []
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    requests.push({ path, from: req.headers.referer ?? '' })
    if (path === '/beacon') {
      let body = ''
      for await (const chunk of req) body += chunk
      kept.push(JSON.parse(body) as Kept)
      res.writeHead(204).end()
      return
    }
    const file = fileFor(path, packageDir)
    const body = file ? await readFile(file).catch(() => null) : null
    if (!body) {
      res.writeHead(404).end('Not found')
      return
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file!)] ?? 'application/octet-stream' }).end(body)
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    origin,
    url: (path) => origin + path,
    kept,
    requests,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections()
        server.close(() => done())
      }),
  }
}

/** The file a path names: the host, scorm-again's builds, or a file of the package; null for anything else. */
function fileFor(path: string, packageDir: string): string | null {
  const inside = (root: string, rest: string) => {
    const rel = normalize(decodeURIComponent(rest))
    return rel.startsWith('..') || rel.endsWith('/') ? null : join(root, rel)
  }
  if (path === '/lms/host.html' || path === '/lms/host.js') return join(ROOT, 'test', 'e2e', 'lms-host', path.slice(5))
  if (path.startsWith('/lms/vendor/'))
    return inside(join(ROOT, 'node_modules', 'scorm-again', 'dist'), path.slice('/lms/vendor/'.length))
  if (path.startsWith(CONTENT)) return inside(packageDir, path.slice(CONTENT.length))
  return null
}

/** The host page's address for a launch: `stored` is what the LMS kept from the last one, to resume. */
export function hostUrl(lms: LmsServer, version: '12' | '2004', stored: object | null = null): string {
  const q = new URLSearchParams({ fmt: version, sco: `${CONTENT}scorm.html` })
  if (stored) q.set('stored', JSON.stringify(stored))
  return lms.url(`/lms/host.html?${q}`)
}

/** The course page showing inside the launch page, inside the LMS's player. */
export function coursePage(page: Page): FrameLocator {
  return page.frameLocator('iframe[title="LMS player"]').frameLocator('#cm-launch-frame')
}

/**
 * What an LMS hands back at the next launch (`Kept.cmi` of the last
 * launch's last commit): entry `resume` when the exit was `suspend`, with
 * the location, suspend data, status and score. scorm-again does not work
 * out `entry` itself.
 */
export function nextLaunch(version: '12' | '2004', last: Kept): object {
  const cmi = last.cmi.cmi
  if (version === '12') {
    const core = cmi.core as Record<string, unknown>
    return {
      cmi: {
        core: {
          entry: core.exit === 'suspend' ? 'resume' : '',
          lesson_location: core.lesson_location,
          lesson_status: core.lesson_status,
          score: core.score,
        },
        suspend_data: cmi.suspend_data,
      },
    }
  }
  return {
    cmi: {
      entry: cmi.exit === 'suspend' ? 'resume' : '',
      location: cmi.location,
      suspend_data: cmi.suspend_data,
      completion_status: cmi.completion_status,
      success_status: cmi.success_status,
      score: cmi.score,
    },
  }
}

/** Asserts SCORM's rules on one launch's calls: one Initialize first, one Terminate last, strings only, no error. */
export function assertWellBehaved(log: LmsCall[], version: '12' | '2004'): void {
  const [initialize, terminate] = version === '12' ? ['LMSInitialize', 'LMSFinish'] : ['Initialize', 'Terminate']
  assert.ok(log.length >= 2, 'the package talked to the LMS')
  assert.equal(log[0]!.fn, initialize, 'Initialize comes first')
  assert.equal(log.filter((c) => c.fn === initialize).length, 1, 'one Initialize')
  assert.equal(log.filter((c) => c.fn === terminate).length, 1, 'one Terminate')
  assert.equal(log[log.length - 1]!.fn, terminate, 'nothing after Terminate')
  assert.deepEqual(
    log.filter((c) => c.types.some((t) => t !== 'string')),
    [],
    'every argument a string',
  )
  assert.deepEqual(
    log.filter((c) => c.error !== '0'),
    [],
    'no call leaves an error code',
  )
  assert.deepEqual(
    log.filter((c) => c.result === 'false'),
    [],
    'no call is refused',
  )
}
