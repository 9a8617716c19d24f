/**
 * One attempt at a quiz: the drawn statements as native radio groups, the
 * Score button, and the marking after scoring.
 *
 * Each statement is a `fieldset` whose `legend` is the statement, so a
 * screen reader names the group by it; the two radios are labelled by the
 * two answer names. Score stays a focusable button even when it cannot score
 * yet (`aria-disabled`, with the reason as its description), and says how
 * many statements are left instead of doing nothing silently.
 */
import type { RuntimeAnswerKey } from '../page-contract.ts'
import { all, el, fill } from './dom.ts'
import { t } from './messages.ts'
import type { LoadedQuiz } from './quiz-data.ts'
import { type ScoreResult, scoreAnswers } from './score.ts'

/** Render attempt `drawn` (bank positions, in the order shown) into the quiz body; `onScored` runs once. */
export function renderAttempt(
  body: HTMLElement,
  loaded: LoadedQuiz,
  drawn: number[],
  onScored: (result: ScoreResult) => void,
): void {
  const quiz = loaded.quiz
  const shown: RuntimeAnswerKey[] = drawn.map((i) => loaded.keys[i] as RuntimeAnswerKey)
  const fieldsets = drawn.map((position, i) => statementGroup(quiz.items[position]?.html ?? '', quiz.options, i))
  const list = el('ol', { class: 'cm-q-list' }, ...fieldsets.map((fieldset) => el('li', {}, fieldset)))
  const hint = el('p', { class: 'cm-score-hint', id: 'cm-score-hint' })
  const score = el(
    'button',
    { type: 'button', class: 'cm-score', 'aria-describedby': 'cm-score-hint' },
    t('quiz.score'),
  )
  const status = el('p', { class: 'cm-quiz-status', role: 'status', tabindex: '-1' })
  fill(body, list, el('div', { class: 'cm-quiz-actions' }, score, hint), status)
  const left = () => chosen(fieldsets).filter((c) => c === null).length

  /** Keep Score's state and description true to the answers so far. */
  function refresh(): void {
    const n = left()
    score.setAttribute('aria-disabled', n > 0 ? 'true' : 'false')
    hint.textContent = n > 0 ? t('quiz.scoreHint', { count: n }) : ''
    // Only a message the learner asked for is kept current; nothing is announced unasked.
    if (status.textContent) status.textContent = n > 0 ? t('quiz.unanswered', { count: n }) : ''
    // While the status says how many are left, the hint would only repeat it.
    hint.hidden = n === 0 || status.textContent !== ''
  }
  body.addEventListener('change', refresh)
  refresh()

  score.addEventListener('click', () => {
    const n = left()
    if (n > 0) {
      status.textContent = t('quiz.unanswered', { count: n })
      hint.hidden = true
      return
    }
    const result = scoreAnswers(
      chosen(fieldsets),
      shown.map((k) => k.a),
    )
    fieldsets.forEach((fieldset, i) => {
      markStatement(fieldset, shown[i] as RuntimeAnswerKey, result.right[i] === true, quiz.options)
    })
    score.hidden = true
    hint.hidden = true
    status.textContent = result.passed
      ? t('quiz.passed', { total: result.total })
      : t('quiz.failed', { correct: result.correct, total: result.total })
    status.focus()
    onScored(result)
  })
}

/** Statement `i` of the attempt: a group named by the statement, with a radio for each answer. */
function statementGroup(html: string, options: [string, string], i: number): HTMLFieldSetElement {
  const legend = el('legend', { class: 'cm-q-text' })
  // Statement HTML is rendered by the build from the author's Markdown.
  legend.innerHTML = html
  const option = (value: string, label: string) =>
    el('label', { class: 'cm-opt' }, el('input', { type: 'radio', name: `cm-q${i}`, value }), ' ' + label)
  return el(
    'fieldset',
    { class: 'cm-q', 'aria-describedby': `cm-q${i}-result` },
    legend,
    el('div', { class: 'cm-opts' }, option('0', options[0]), option('1', options[1])),
    el('div', { class: 'cm-q-result', id: `cm-q${i}-result`, hidden: '' }),
  )
}

/** The answer chosen in each group: 0 or 1, or null when none is. */
function chosen(fieldsets: readonly HTMLFieldSetElement[]): Array<0 | 1 | null> {
  return fieldsets.map((f) => {
    const checked = f.querySelector<HTMLInputElement>('input:checked')
    return checked ? (checked.value === '0' ? 0 : 1) : null
  })
}

/** After scoring: right or wrong in words, the right answer when wrong, the explanation; the radios locked. */
function markStatement(
  fieldset: HTMLFieldSetElement,
  key: RuntimeAnswerKey,
  right: boolean,
  options: [string, string],
): void {
  const box = fieldset.querySelector<HTMLElement>('.cm-q-result') as HTMLElement
  fieldset.classList.add(right ? 'cm-right' : 'cm-wrong')
  fill(box, el('strong', {}, right ? t('quiz.right') : t('quiz.wrong')))
  if (!right) box.append(' ', t('quiz.rightAnswer', { answer: options[key.a] }))
  // The explanation teaches whichever way the learner answered.
  if (key.x) {
    const why = el('span', { class: 'cm-q-why' })
    // The explanation is author HTML rendered by the build, decoded from the key.
    why.innerHTML = key.x
    box.append(' ', why)
  }
  box.hidden = false
  for (const input of all<HTMLInputElement>('input', fieldset)) input.disabled = true
}
