/**
 * `npm run lint` fails on an import against the layering and on a function
 * over 60 lines: deliberate mistakes are written into a temporary copy of
 * src/, and the linters must name the rule each one breaks.
 */
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { cpSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { before, describe, it } from 'node:test'
import { ROOT } from '../helpers/course.ts'
import { tempDir } from '../helpers/temp.ts'

/** A copy of the repository's sources and lint configuration, with node_modules linked. */
let copy = ''

before(() => {
  copy = tempDir('cm-lint-')
  for (const entry of [
    'src',
    'tsconfig.json',
    'biome.jsonc',
    '.dependency-cruiser.cjs',
    '.gitignore',
    'package.json',
  ]) {
    cpSync(join(ROOT, entry), join(copy, entry), { recursive: true })
  }
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir')
})

function depcruise(): { code: number | null; out: string } {
  const bin = join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs')
  const r = spawnSync(process.execPath, [bin, 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], {
    cwd: copy,
    encoding: 'utf8',
  })
  return { code: r.status, out: r.stdout + r.stderr }
}

describe('the layering rule', () => {
  it('passes the sources as they are', () => {
    const r = depcruise()
    assert.equal(r.code, 0, r.out)
    assert.match(r.out, /no dependency violations found/)
  })

  it('fails an import against the layering, naming the rule and both files', () => {
    const bad: [file: string, text: string, rule: RegExp][] = [
      [
        'src/dev/bad-import.ts',
        "import { styleFor } from '../cli/report-style.ts'\nexport const style = styleFor\n",
        /error dev-above-pipeline: src\/dev\/bad-import\.ts → src\/cli\/report-style\.ts/,
      ],
      [
        'src/load/bad-import.ts',
        "import { outlineCourse } from '../model/outline-course.ts'\nexport const outline = outlineCourse\n",
        /error load-stays-low: src\/load\/bad-import\.ts → src\/model\/outline-course\.ts/,
      ],
      [
        'src/runtime/bad-import.ts',
        "import { shortHash } from '../model/hash.ts'\nexport const hash = shortHash\n",
        /error runtime-imports-only-the-contract: src\/runtime\/bad-import\.ts → src\/model\/hash\.ts/,
      ],
      [
        'src/runtime/bad-value-import.ts',
        "import { RuntimeQuiz } from '../page-contract.ts'\nexport type Quiz = RuntimeQuiz\n",
        /error runtime-imports-only-types: src\/runtime\/bad-value-import\.ts → src\/page-contract\.ts/,
      ],
    ]
    for (const [file, text] of bad) writeFileSync(join(copy, file), text)
    try {
      const r = depcruise()
      assert.notEqual(r.code, 0, r.out)
      for (const [, , rule] of bad) assert.match(r.out, rule)
      assert.match(r.out, /4 dependency violations \(4 errors/)
    } finally {
      for (const [file] of bad) rmSync(join(copy, file))
    }
  })
})

describe('the function length rule', () => {
  it('fails a function of 61 lines in src/, naming the rule', () => {
    const file = join(copy, 'src', 'load', 'long-function.ts')
    const body = Array.from({ length: 61 }, (_, i) => `  total += ${i}`).join('\n')
    writeFileSync(file, `export function long(): number {\n  let total = 0\n${body}\n  return total\n}\n`)
    const bin = join(ROOT, 'node_modules', '@biomejs', 'biome', 'bin', 'biome')
    const r = spawnSync(process.execPath, [bin, 'lint', 'src/load/long-function.ts'], { cwd: copy, encoding: 'utf8' })
    assert.notEqual(r.status, 0, r.stdout + r.stderr)
    assert.match(r.stdout + r.stderr, /lint\/complexity\/noExcessiveLinesPerFunction/)
  })
})
