import assert from 'node:assert/strict'
import { test } from 'node:test'
import { ATTR_LIST_LINE, parseAttrList } from '../../src/load/attr-list.ts'

test('parseAttrList reads ids, classes and quoted attributes in order', () => {
  const { list, problems } = parseAttrList(' #quiz .wide .x data-n="6" data-opt=\'Yes,No\'')
  assert.deepEqual(problems, [])
  assert.deepEqual(list, {
    id: 'quiz',
    classes: ['wide', 'x'],
    attrs: [
      ['data-n', '6'],
      ['data-opt', 'Yes,No'],
    ],
  })
})

test('parseAttrList keeps spaces and the other quote inside values, and unescapes \\"', () => {
  const { list } = parseAttrList(' data-title="Go to the section: " data-q="it\'s" data-e="a \\"b\\""')
  assert.deepEqual(list.attrs, [
    ['data-title', 'Go to the section: '],
    ['data-q', "it's"],
    ['data-e', 'a "b"'],
  ])
})

test('parseAttrList reports each bad part with its offset and carries on', () => {
  const { list, problems } = parseAttrList(' . data-x=1 ok .fine')
  assert.deepEqual(
    problems.map((p) => [p.offset, p.message]),
    [
      [1, '`.` must be followed by a class name.'],
      [10, 'The value of `data-x` must be in quotes.'],
      [12, '`ok` is not an attribute.'],
    ],
  )
  assert.deepEqual(list.classes, ['fine'])
})

test('parseAttrList reports a value with no closing quote', () => {
  const { problems } = parseAttrList(' data-n="6')
  assert.equal(problems.length, 1)
  assert.match(problems[0]!.message, /no closing quote/)
})

test('ATTR_LIST_LINE matches a whole line with up to three spaces of indent, not code', () => {
  assert.equal(ATTR_LIST_LINE.exec('{: .conv}')?.[1], ' .conv')
  assert.equal(ATTR_LIST_LINE.exec('   {: .conv}  ')?.[1], ' .conv')
  assert.equal(ATTR_LIST_LINE.exec('    {: .conv}'), null)
  assert.equal(ATTR_LIST_LINE.exec('text {: .conv}'), null)
})
