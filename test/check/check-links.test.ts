import assert from 'node:assert/strict'
import { test } from 'node:test'
import { checkLinks } from '../../src/check/check-links.ts'
import type { FoundLink } from '../../src/render/types.ts'

const at = { file: 'a/page.md', line: 3, column: 5 }
const targets = {
  base: '/course/',
  files: new Set(['img/map.png', 'handout.pdf']),
  pages: new Set(['index.md', 'a/page.md', 'a/next.md']),
}
const link = (href: string, target: FoundLink['target'], kind: 'a' | 'img' = 'a', alt = 'x'): FoundLink => ({
  kind,
  href,
  target,
  source: at,
  ...(kind === 'img' ? { alt } : {}),
})

test('checkLinks leaves alone links to other sites, paths outside the base or the course, and what exists', () => {
  const fine = [
    link('https://example.org/missing.md', null),
    link('mailto:someone@example.org', null),
    link('/elsewhere/page/', null),
    link('../../outside.md', null),
    link('next.md', { page: 'a/next' }),
    link('/course/img/map.png', null),
    link('../handout.pdf', { file: 'handout.pdf' }),
    link('../img/map.png', { file: 'img/map.png' }, 'img', 'A map'),
  ]
  assert.deepEqual(checkLinks(fine, targets), [])
})

test('checkLinks tells a missing page from a missing file, and an image from a link', () => {
  const found = checkLinks(
    [
      link('nxet.md', { file: 'a/nxet.md' }),
      link('notes', { file: 'a/notes' }),
      link('/course/gone/', null),
      link('slides.pdf', { file: 'a/slides.pdf' }),
      link('pic.png', { file: 'a/pic.png' }, 'img', ' '),
    ],
    targets,
  )
  assert.deepEqual(
    found.map((d) => [d.code, d.severity]),
    [
      ['link/missing-page', 'warning'],
      ['link/missing-page', 'warning'],
      ['link/missing-page', 'warning'],
      ['link/missing-file', 'warning'],
      ['image/no-alt', 'warning'],
      ['image/missing-file', 'warning'],
    ],
  )
  assert.match(found[0]!.hint!, /^Did you mean next\.md\? /)
  assert.equal(found[2]!.message, 'This link points to /course/gone/, which is not a page of the course.')
})
