import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts'
import { decodeBankItem, readQuiz } from '../../src/model/quiz-bank.ts'

const at = { file: 'q.md', line: 3, column: 3 }
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64')

test('decodeBankItem reads statement, answer and explanation', () => {
  const d: Diagnostic[] = []
  const s = decodeBankItem({ text: b64('The sky is blue./Y/Rayleigh scattering.'), source: at }, d)
  assert.deepEqual(d, [])
  assert.equal(s!.text, 'The sky is blue.')
  assert.equal(s!.answer, true)
  assert.equal(s!.explanation, 'Rayleigh scattering.')
})

test('decodeBankItem accepts lower-case y/n and slashes in the explanation', () => {
  const d: Diagnostic[] = []
  const s = decodeBankItem({ text: b64('Cats bark./n/See https://example.org/cats for more.'), source: at }, d)
  assert.equal(s!.answer, false)
  assert.equal(s!.explanation, 'See https://example.org/cats for more.')
})

test('decodeBankItem round-trips any Unicode statement and explanation (property)', () => {
  const text = fc
    .string({ unit: 'grapheme', minLength: 1 })
    .filter((s) => s.trim() === s && s.length > 0 && !s.includes('/'))
  fc.assert(
    fc.property(
      text,
      fc.boolean(),
      fc.string({ unit: 'grapheme' }).map((s) => s.trim()),
      (statement, yes, explanation) => {
        const d: Diagnostic[] = []
        const s = decodeBankItem({ text: b64(`${statement}/${yes ? 'Y' : 'N'}/${explanation}`), source: at }, d)
        assert.deepEqual(d, [])
        assert.equal(s!.text, statement)
        assert.equal(s!.answer, yes)
        assert.equal(s!.explanation, explanation)
      },
    ),
  )
})

test('decodeBankItem keeps é, ü, emoji and right-to-left text exactly', () => {
  for (const text of ['Zoë and Jürgen/Y/é ü', 'مرحبا بالعالم/N/שלום', 'Hug 🤗 with skin tone 👍🏽/Y/🙂']) {
    const d: Diagnostic[] = []
    const s = decodeBankItem({ text: b64(text), source: at }, d)
    assert.equal(`${s!.text}/${s!.answer ? 'Y' : 'N'}/${s!.explanation}`, text)
  }
})

test('decodeBankItem reports bad base64, bad UTF-8 and bad shape, each with its code', () => {
  const cases: [string, string][] = [
    ['not base64!', 'quiz/bad-base64'],
    ['QQ=Q', 'quiz/bad-base64'],
    [Buffer.from([0xc3, 0x28, 0x2f, 0x59, 0x2f]).toString('base64'), 'quiz/bad-utf8'],
    [b64('No answer marker here'), 'quiz/bad-item'],
    [b64('/Y/Empty statement'), 'quiz/bad-item'],
  ]
  for (const [text, code] of cases) {
    const d: Diagnostic[] = []
    assert.equal(decodeBankItem({ text, source: at }, d), null, text)
    assert.deepEqual(
      d.map((x) => [x.code, x.line, x.column]),
      [[code, 3, 3]],
      text,
    )
  }
})

test('readQuiz: data-n="0" means no quiz, and n larger than the bank is an error', () => {
  const decl = (n: string, opt: string | null = null) => ({ n, opt, source: at })
  assert.deepEqual(readQuiz(decl('0'), null, []), { quiz: null, noQuiz: true })
  const d: Diagnostic[] = []
  const items = [b64('A/Y/a'), b64('B/N/b')].map((text) => ({ text, source: at }))
  assert.equal(readQuiz(decl('3'), items, d).quiz, null)
  assert.deepEqual(
    d.map((x) => x.code),
    ['quiz/n-exceeds-bank'],
  )
  const ok = readQuiz(decl('2', ' Yes , No '), items, [])
  assert.deepEqual(ok.quiz!.options, ['Yes', 'No'])
  assert.equal(ok.quiz!.bank.length, 2)
})

test('readQuiz gives repeated statements distinct ids', () => {
  const items = [b64('Same/Y/a'), b64('Same/Y/b'), b64('Other/N/c')].map((text) => ({ text, source: at }))
  const { quiz } = readQuiz({ n: '2', opt: null, source: at }, items, [])
  const ids = quiz!.bank.map((s) => s.id)
  assert.equal(new Set(ids).size, 3)
})
