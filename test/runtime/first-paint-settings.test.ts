/** The inline scripts' settings and safety (src/emit/first-paint.ts). */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { drawScript, gateScript, progressKey } from '../../src/emit/first-paint.ts'
import { storageKey } from '../../src/runtime/browser-home.ts'

const GATE = 'let c=__CM_GATE__;run(c)'

describe('the inline scripts of a page', () => {
  it('have the gate read the key the runtime stores progress under', () => {
    for (const course of ['listen', 'a-b_c', 'x.y']) assert.equal(progressKey(course), storageKey(course))
  })

  it('put the site’s settings in the gate (open-all only when set), and no key in an LMS package, whose progress is not in the browser', () => {
    assert.equal(
      gateScript(GATE, 'listen', { lms: false, openAll: false }),
      'let c={"k":"coursemark:listen:v2"};run(c)',
    )
    assert.equal(
      gateScript(GATE, 'listen', { lms: false, openAll: true }),
      'let c={"k":"coursemark:listen:v2","o":true};run(c)',
    )
    assert.equal(gateScript(GATE, 'listen', { lms: true, openAll: false }), 'let c={"k":""};run(c)')
  })

  it('never let a course id end the script element', () => {
    assert.ok(!gateScript(GATE, 'a</script><b', { lms: false, openAll: false }).includes('<'))
    assert.throws(() => drawScript('x="</script>"'), /must not hold <\/script/)
  })

  it('refuse a gate without exactly one slot', () => {
    assert.throws(() => gateScript('run()', 'listen', { lms: false, openAll: false }), /exactly once/)
    assert.throws(() => gateScript(`${GATE};${GATE}`, 'listen', { lms: false, openAll: false }), /exactly once/)
  })
})
