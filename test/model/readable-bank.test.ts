import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts'
import { formatReadableItem, isReadableItem, parseReadableItem } from '../../src/model/readable-bank.ts'
import { readQuiz } from '../../src/model/quiz-bank.ts'
import type { RawBankItem } from '../../src/model/types.ts'

const TF: [string, string] = ['True', 'False']

/** An item as the quiz rule hands it over: lines after the `- ` marker, the first at column 3. */
function item(...lines: string[]): RawBankItem {
  return {
    text: lines.join('\n').trim(),
    source: { file: 'q.md', line: 10, column: 3 },
    lines: lines.map((text, k) => ({ text, line: 10 + k, column: k === 0 ? 3 : 1 })),
  }
}

test('an item with an answer sub-item is readable; a base64 word never is', () => {
  assert.equal(isReadableItem(item('The sky is blue.', '  - True: Rayleigh.')), true)
  assert.equal(isReadableItem(item('VGhlIHNreSBpcyBibHVlLi9ZL1JheWxlaWdoLg==')), false)
  assert.equal(isReadableItem(item('not base64, and no answer')), false)
})

test('parseReadableItem reads the statement, the answer by its label and the explanation exactly as written', () => {
  const d: Diagnostic[] = []
  const p = parseReadableItem(item('Fire is *cold*. ', '  - false:  Hot, see /N/ below.'), TF, d)
  assert.deepEqual(d, [])
  assert.deepEqual(p, { statement: 'Fire is *cold*. ', answer: false, explanation: ' Hot, see /N/ below.' })
})

test('parseReadableItem takes the labels of data-opt, and an answer without explanation', () => {
  const d: Diagnostic[] = []
  assert.deepEqual(parseReadableItem(item('Say hello?', '  - Yes'), ['Yes', 'No'], d), {
    statement: 'Say hello?',
    answer: true,
    explanation: '',
  })
  assert.deepEqual(parseReadableItem(item('Say hello?', '  - No:'), ['Yes', 'No'], d), {
    statement: 'Say hello?',
    answer: false,
    explanation: '',
  })
  assert.deepEqual(d, [])
})

test('parseReadableItem joins a statement and an explanation written over several lines', () => {
  const d: Diagnostic[] = []
  const p = parseReadableItem(item('A long', 'statement.', '  - True: Because', '    of this.'), TF, d)
  assert.deepEqual(d, [])
  assert.deepEqual(p, { statement: 'A long\nstatement.', answer: true, explanation: 'Because\nof this.' })
})

test('parseReadableItem reports an answer that is not one of the quiz answers, at the answer', () => {
  const d: Diagnostic[] = []
  assert.equal(parseReadableItem(item('The sky is blue.', '  - Yes: it is.'), TF, d), null)
  assert.equal(d.length, 1)
  assert.equal(d[0]!.code, 'quiz/readable-bad-answer')
  assert.equal(d[0]!.message, 'The answer line must start with "True" or "False", not "Yes: it is.".')
  assert.deepEqual([d[0]!.line, d[0]!.column], [11, 5])
})

test('parseReadableItem reports an answer with no statement, a second answer, and a statement the base64 form cannot hold', () => {
  const cases: [RawBankItem, string, number][] = [
    [item('- True: nothing before me'), 'quiz/readable-no-statement', 10],
    [item('Water is wet.', '  - True: yes', '  - False: no'), 'quiz/readable-two-answers', 12],
    [item('Answer Y/N/maybe.', '  - True'), 'quiz/readable-slash', 10],
    [item('Pick Y/N', '  - True: the N/ starts a separator'), 'quiz/readable-slash', 10],
  ]
  for (const [it, code, line] of cases) {
    const d: Diagnostic[] = []
    assert.equal(parseReadableItem(it, TF, d), null, code)
    assert.deepEqual(
      d.map((x) => [x.code, x.line]),
      [[code, line]],
    )
  }
})

test('formatReadableItem writes the statement and `- Label: why`, and refuses what would not read back', () => {
  assert.deepEqual(formatReadableItem({ statement: 'Tea is hot.', answer: true, explanation: 'Usually.' }, TF), [
    'Tea is hot.',
    '- True: Usually.',
  ])
  assert.deepEqual(formatReadableItem({ statement: 'Tea is hot.', answer: false, explanation: '' }, ['Yes', 'No']), [
    'Tea is hot.',
    '- No',
  ])
  assert.equal(formatReadableItem({ statement: 'Two\nlines', answer: true, explanation: '' }, TF), null)
  assert.equal(formatReadableItem({ statement: ' leading space', answer: true, explanation: '' }, TF), null)
  assert.equal(formatReadableItem({ statement: '- a bullet', answer: true, explanation: '' }, TF), null)
})

test('readQuiz builds one bank from base64 and readable items alike, and marks it readable', () => {
  const d: Diagnostic[] = []
  const decl = { n: '2', opt: null, source: { file: 'q.md', line: 8, column: 3 } }
  const b64 = {
    text: Buffer.from('The sky is blue./Y/Rayleigh.').toString('base64'),
    source: { file: 'q.md', line: 9, column: 3 },
  }
  const r = readQuiz(decl, [b64, item('Fire is cold.', '  - False: It is hot.')], d)
  assert.deepEqual(d, [])
  assert.equal(r.quiz!.format, 'readable')
  assert.deepEqual(
    r.quiz!.bank.map((s) => [s.text, s.answer, s.explanation]),
    [
      ['The sky is blue.', true, 'Rayleigh.'],
      ['Fire is cold.', false, 'It is hot.'],
    ],
  )
})
