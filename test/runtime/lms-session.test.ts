/**
 * The launch page's LMS session against scorm-again, the SCORM run-time the
 * browser tests use as their LMS, here in Node: every rule of a well-behaved
 * SCO, checked call by call with the error code the LMS sets after each.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type Scorm12Type from 'scorm-again/scorm12'
import * as scorm12 from 'scorm-again/scorm12'
import type Scorm2004Type from 'scorm-again/scorm2004'
import * as scorm2004 from 'scorm-again/scorm2004'
import { LmsSession } from '../../src/runtime/lms/lms-session.ts'
import { SCORM_12, SCORM_2004, type ScormApi, type ScormDialect } from '../../src/runtime/lms/scorm-dialect.ts'

// scorm-again 3.4.3's types declare default exports; its ES modules export named classes.
const { Scorm12API } = scorm12 as unknown as { Scorm12API: typeof Scorm12Type }
const { Scorm2004API } = scorm2004 as unknown as { Scorm2004API: typeof Scorm2004Type }

interface Call {
  fn: string
  args: unknown[]
  result: string
  error: string
}

/** scorm-again as an LMS, optionally resuming `stored`, with every call logged. */
function lms(dialect: ScormDialect, stored?: object) {
  const settings = { autocommit: false, lmsCommitUrl: false, logLevel: 5 } as const
  const api = dialect === SCORM_12 ? new Scorm12API(settings) : new Scorm2004API(settings)
  if (stored) api.loadFromJSON(stored as never)
  const lastError = (api as unknown as Record<string, () => unknown>)[
    dialect === SCORM_12 ? 'LMSGetLastError' : 'GetLastError'
  ]!
  const errorOf = () => lastError.call(api)
  const calls: Call[] = []
  const spy: ScormApi = {}
  for (const fn of Object.values(dialect.fn)) {
    const real = (api as unknown as Record<string, (...a: unknown[]) => unknown>)[fn]!.bind(api)
    spy[fn] = (...args: string[]) => {
      const result = String(real(...args))
      calls.push({ fn, args, result, error: String(errorOf()) })
      return result
    }
  }
  const data = () => (api.renderCMIToJSONObject() as { cmi: Record<string, unknown> }).cmi
  return { spy, calls, data }
}

/** Values set, in order, as `element=value`. */
const sets = (calls: Call[]) => calls.filter((c) => /SetValue/.test(c.fn)).map((c) => `${c.args[0]}=${c.args[1]}`)

function assertClean(calls: Call[]): void {
  assert.deepEqual(
    calls.filter((c) => c.error !== '0'),
    [],
    'no call leaves an error code',
  )
  assert.ok(
    calls.every((c) => c.args.every((a) => typeof a === 'string')),
    'only strings',
  )
}

describe('LmsSession with SCORM 1.2', () => {
  it('opens once, marks the attempt begun with exit suspend, and reads nothing it did not write', () => {
    const { spy, calls, data } = lms(SCORM_12)
    const session = LmsSession.open(spy, SCORM_12, () => 0)
    assert.ok(session)
    assert.deepEqual(
      calls.map((c) => c.fn),
      ['LMSInitialize', 'LMSGetValue', 'LMSGetValue', 'LMSSetValue', 'LMSSetValue', 'LMSCommit'],
    )
    assert.deepEqual(sets(calls), ['cmi.core.exit=suspend', 'cmi.core.lesson_status=incomplete'])
    assert.equal(session.resumed, false)
    assert.equal(session.progress, '')
    assert.equal((data().core as Record<string, string>).lesson_status, 'incomplete')
    assertClean(calls)
  })

  it('keeps progress with the share of sections done as score, commits, and passes only at the end', () => {
    const { spy, calls, data } = lms(SCORM_12)
    const session = LmsSession.open(spy, SCORM_12, () => 0)!
    calls.length = 0
    assert.equal(session.save('c1.ab.X', 2, 3), true)
    assert.deepEqual(sets(calls), [
      'cmi.suspend_data=c1.ab.X',
      'cmi.core.score.min=0',
      'cmi.core.score.max=100',
      'cmi.core.score.raw=66',
    ])
    assert.equal(calls.at(-1)!.fn, 'LMSCommit')
    assert.equal((data().core as Record<string, string>).lesson_status, 'incomplete')
    calls.length = 0
    assert.equal(session.save('c1.ab.X', 2, 3), true)
    assert.deepEqual(calls, [], 'nothing changed: nothing sent')
    assert.equal(session.save('c1.ab.Y', 3, 3), true)
    assert.deepEqual(sets(calls).slice(-2), ['cmi.core.score.raw=100', 'cmi.core.lesson_status=passed'])
    assert.equal(session.progress, 'c1.ab.Y')
    assertClean(calls)
  })

  it('never writes status or score again once the LMS holds passed', () => {
    const stored = { cmi: { core: { entry: 'resume', lesson_status: 'passed' }, suspend_data: 'c1.ab.Z' } }
    const { spy, calls, data } = lms(SCORM_12, stored)
    const session = LmsSession.open(spy, SCORM_12, () => 0)!
    assert.equal(session.resumed, true)
    assert.equal(session.progress, 'c1.ab.Z')
    assert.equal(session.save('c1.cd.', 0, 3), true, 'a fresh start keeps the status')
    assert.ok(
      sets(calls).every((s) => !/lesson_status|score/.test(s)),
      sets(calls).join(' '),
    )
    assert.equal((data().core as Record<string, string>).lesson_status, 'passed')
    assertClean(calls)
  })

  it('refuses progress longer than 4,096 characters and sends none of it', () => {
    const { spy, calls } = lms(SCORM_12)
    const session = LmsSession.open(spy, SCORM_12, () => 0)!
    calls.length = 0
    assert.equal(session.save('x'.repeat(4097), 1, 2), false)
    assert.deepEqual(calls, [])
    assert.equal(session.save('x'.repeat(4096), 1, 2), true)
  })

  it('records the location once per page, within 255 characters', () => {
    const { spy, calls, data } = lms(SCORM_12)
    const session = LmsSession.open(spy, SCORM_12, () => 0)!
    session.visit('listen26/index.html')
    session.visit('listen26/index.html')
    session.visit(`${'a/'.repeat(130)}index.html`)
    assert.equal((data().core as Record<string, string>).lesson_location, 'listen26/index.html')
    assert.equal(sets(calls).filter((s) => s.startsWith('cmi.core.lesson_location')).length, 1)
    assertClean(calls)
  })

  it('closes with the session time, a commit and LMSFinish, and calls nothing after', () => {
    let now = 1000
    const { spy, calls, data } = lms(SCORM_12)
    const session = LmsSession.open(spy, SCORM_12, () => now)!
    now += 3_725_400
    session.close()
    session.close()
    assert.equal(session.save('c1.a.b', 1, 1), false)
    session.visit('x/index.html')
    assert.deepEqual(
      calls.slice(-3).map((c) => c.fn),
      ['LMSSetValue', 'LMSCommit', 'LMSFinish'],
    )
    assert.deepEqual(sets(calls).at(-1), 'cmi.core.session_time=0001:02:05')
    assert.equal((data().core as Record<string, string>).exit, 'suspend')
    assertClean(calls)
  })

  it('is not opened without an API, or when the LMS refuses Initialize', () => {
    assert.equal(
      LmsSession.open(null, SCORM_12, () => 0),
      null,
    )
    assert.equal(
      LmsSession.open({ LMSInitialize: () => 'false' }, SCORM_12, () => 0),
      null,
    )
  })
})

describe('LmsSession with SCORM 2004', () => {
  it('reads suspend data and location only when resuming, so no error code is ever set', () => {
    const first = lms(SCORM_2004)
    LmsSession.open(first.spy, SCORM_2004, () => 0)
    assert.ok(!first.calls.some((c) => /suspend_data|location/.test(String(c.args[0])) && c.fn === 'GetValue'))
    assertClean(first.calls)
    const stored = { cmi: { entry: 'resume', location: 'a/index.html', suspend_data: 'c1.ab.Q' } }
    const again = lms(SCORM_2004, stored)
    const session = LmsSession.open(again.spy, SCORM_2004, () => 0)!
    assert.equal(session.storedLocation, 'a/index.html')
    assert.equal(session.progress, 'c1.ab.Q')
    assertClean(again.calls)
  })

  it('says incomplete and unknown mid-course, completed and passed at the end, with a scaled score', () => {
    let now = 0
    const { spy, calls, data } = lms(SCORM_2004)
    const session = LmsSession.open(spy, SCORM_2004, () => now)!
    session.save('c1.ab.X', 1, 3)
    assert.deepEqual([data().completion_status, data().success_status], ['incomplete', 'unknown'])
    assert.deepEqual(data().score, { scaled: '0.33', raw: '33', min: '0', max: '100' })
    session.save('c1.ab.Y', 3, 3)
    assert.deepEqual([data().completion_status, data().success_status], ['completed', 'passed'])
    assert.equal((data().score as Record<string, string>).scaled, '1')
    now = 65_000
    session.close()
    assert.equal(sets(calls).at(-1), 'cmi.session_time=PT0H1M5S')
    assert.equal(calls.at(-1)!.fn, 'Terminate')
    assertClean(calls)
  })
})
