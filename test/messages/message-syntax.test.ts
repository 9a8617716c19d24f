/**
 * The message syntax (an ICU MessageFormat subset): what parses, what does
 * not and why, and messages put into words at build time.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { builtInMessages } from '../../src/messages/course-messages.ts'
import { formatMessage, messageHtml, messageText } from '../../src/messages/format-message.ts'
import { isProblem, type Message, parseMessage, placeholdersOf } from '../../src/messages/message-syntax.ts'

function parse(text: string): Message {
  const parsed = parseMessage(text)
  assert.ok(!isProblem(parsed), isProblem(parsed) ? parsed.reason : '')
  return parsed
}

describe('the message syntax', () => {
  it('reads text, placeholders and plurals, with # as the number in a branch only', () => {
    assert.deepEqual(parse('Score'), ['Score'])
    assert.deepEqual(parse('The right answer is {answer}.'), ['The right answer is ', { arg: 'answer' }, '.'])
    assert.deepEqual(parse('{n, plural, one {# left} other {# # left}} #'), [
      { arg: 'n', forms: { one: [{ count: true }, ' left'], other: [{ count: true }, ' ', { count: true }, ' left'] } },
      ' #',
    ])
    assert.deepEqual([...placeholdersOf(parse('{a} and {b, plural, one {x {c}} other {y}}'))].sort(), ['a', 'b', 'c'])
  })

  it('says what is wrong with a message that does not parse, and where', () => {
    const cases: [string, RegExp, number][] = [
      ['Answer {count left', /not closed/, 14],
      ['Oops }', /closes nothing/, 5],
      ['{ }', /followed by its name/, 1],
      ['{n, select, a {x} other {y}}', /only `\{n, plural, …\}`/, 4],
      ['{n, plural, one {#}}', /needs an `other \{…\}` branch/, 19],
      ['{n, plural, =0 {none} other {#}}', /branch starts with zero, one/, 12],
      ['{n, plural, one {{m, plural, other {#}}} other {#}}', /inside another plural/, 17],
    ]
    for (const [text, reason, offset] of cases) {
      const parsed = parseMessage(text)
      assert.ok(isProblem(parsed), text)
      assert.match(parsed.reason, reason, text)
      assert.equal(parsed.offset, offset, `${text}: offset`)
    }
  })
})

describe('messages put into words at build time', () => {
  it('chooses plural forms with Intl.PluralRules and writes numbers the language’s way', () => {
    const unanswered = parse(
      '{count, plural, one {# stwierdzenie} few {# stwierdzenia} many {# stwierdzeń} other {# stwierdzenia}}',
    )
    assert.deepEqual(
      [1, 2, 5, 22, 25].map((count) => formatMessage(unanswered, { count }, 'pl')),
      ['1 stwierdzenie', '2 stwierdzenia', '5 stwierdzeń', '22 stwierdzenia', '25 stwierdzeń'],
    )
    assert.equal(formatMessage(parse('{n} items'), { n: 1234 }, 'de'), '1.234 items')
  })

  it('escapes the message’s own text for HTML but not the values, which are HTML already', () => {
    const en = builtInMessages('en')
    assert.equal(messageHtml(en, 'dots.label', { chapter: '<em>Basics</em>' }), 'Progress in <em>Basics</em>')
    const fr = builtInMessages('fr')
    assert.equal(messageText(fr, 'quiz.true'), 'Vrai')
    assert.equal(messageText(builtInMessages('pt-BR'), 'quiz.false'), 'Falso', 'pt-BR finds pt.json')
    assert.equal(
      messageText(builtInMessages('sw'), 'quiz.score'),
      'Score',
      'a language without one falls back to English',
    )
  })
})
