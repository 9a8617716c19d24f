/**
 * A killed build never leaves half a site (issue 15): a 10× course's
 * builds are killed at random moments, and the output folder always holds
 * the old site or the new one. `npm run fuzz -- --kills 20` kills a 100×
 * course's 20 times.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { killBuilds } from '../helpers/killed-builds.ts'
import { tempDir } from '../helpers/temp.ts'

test('builds killed at random moments leave the old site or the new one, and the next build cleans up', async () => {
  const report = await killBuilds({ scale: 10, kills: 4, seed: 15, scratch: tempDir('cm-kill-') })
  assert.equal(report.old + report.new + report.midSwap, 4)
})
