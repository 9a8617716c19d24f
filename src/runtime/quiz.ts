/**
 * One attempt at a quiz: the drawn statements (native radio groups the
 * build rendered), the Score button, and the marking after scoring.
 *
 * Each statement is a `fieldset` whose `legend` is the statement, so a
 * screen reader names the group by it; the two radios are labelled by the
 * two answer names. Score stays a focusable button even when it cannot score
 * yet (`aria-disabled`, with the reason as its description), and says how
 * many statements are left instead of doing nothing silently.
 */
import type { RuntimeAnswerKey } from '../page-contract.ts'
import { all, el, fill } from './dom.ts'
import type { FirstPaint } from './first-paint/first-paint.ts'
import { t } from './messages.ts'
import type { LoadedQuiz } from './quiz-data.ts'
import { type ScoreResult, scoreAnswers } from './score.ts'

/**
 * Run attempt `drawn` (bank positions, in the order shown) in the quiz body,
 * whose bank the build rendered as hidden radio groups: shown as the inline
 * draw script left it when it drew the same, else drawn here; answers of an
 * earlier attempt cleared (`show`, the draw script's showDraw). `onScored` runs once.
 */
export function runAttempt(
  body: HTMLElement,
  loaded: LoadedQuiz,
  drawn: number[],
  show: NonNullable<FirstPaint['show']>,
  onScored: (result: ScoreResult) => void,
): void {
  const list = body.querySelector<HTMLElement>('.cm-q-list') as HTMLElement
  const score = body.querySelector<HTMLElement>('.cm-score') as HTMLElement
  const hint = body.querySelector<HTMLElement>('.cm-score-hint') as HTMLElement
  const status = body.querySelector<HTMLElement>('.cm-quiz-status') as HTMLElement
  if (list.getAttribute('data-cm-drawn') !== drawn.join(' ')) show(list, drawn)
  const shown: RuntimeAnswerKey[] = drawn.map((i) => loaded.answers[i] as RuntimeAnswerKey)
  const fieldsets = drawn.map((position) => list.querySelector(`#cm-b${position} > fieldset`) as HTMLFieldSetElement)
  status.textContent = ''
  score.hidden = false
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
  // Properties, not listeners: a retry replaces the attempt's handlers.
  body.onchange = refresh
  refresh()

  score.onclick = () => {
    const n = left()
    if (n > 0) {
      status.textContent = t('quiz.unanswered', { count: n })
      hint.hidden = true
      return
    }
    score.onclick = null
    const result = scoreAnswers(
      chosen(fieldsets),
      shown.map((k) => k.a),
    )
    fieldsets.forEach((fieldset, i) => {
      markStatement(fieldset, shown[i] as RuntimeAnswerKey, result.right[i] === true)
    })
    score.hidden = true
    hint.hidden = true
    status.textContent = result.passed
      ? t('quiz.passed', { total: result.total })
      : t('quiz.failed', { correct: result.correct, total: result.total })
    status.focus()
    onScored(result)
  }
  // Pressed before this wiring (first-paint/draw.ts): the learner's press counts now.
  if (score.hasAttribute('data-cm-pressed')) {
    score.removeAttribute('data-cm-pressed')
    score.click()
  }
}

/** Clear an attempt's answers and results from every statement, for the next attempt. */
export function clearAttempt(body: HTMLElement): void {
  for (const fieldset of all<HTMLFieldSetElement>('fieldset.cm-q', body)) {
    fieldset.classList.remove('cm-right', 'cm-wrong')
    fieldset.removeAttribute('aria-describedby')
    fieldset.querySelector('.cm-q-result')?.remove()
    for (const input of all<HTMLInputElement>('input', fieldset)) {
      input.checked = false
      input.disabled = false
    }
  }
}

/** The answer chosen in each group: 0 or 1, or null when none is. */
function chosen(fieldsets: readonly HTMLFieldSetElement[]): Array<0 | 1 | null> {
  return fieldsets.map((f) => {
    const checked = f.querySelector<HTMLInputElement>('input:checked')
    return checked ? (checked.value === '0' ? 0 : 1) : null
  })
}

/** After scoring: right or wrong in words, the right answer when wrong, the explanation; the radios locked. */
function markStatement(fieldset: HTMLFieldSetElement, key: RuntimeAnswerKey, right: boolean): void {
  // The result, named by the group's description (the build leaves it out: the page is lighter).
  const id = `${fieldset.parentElement?.id}-r`
  const box = el('div', { class: 'cm-q-result', id })
  fieldset.append(box)
  fieldset.setAttribute('aria-describedby', id)
  fieldset.classList.add(right ? 'cm-right' : 'cm-wrong')
  fill(box, el('strong', {}, right ? t('quiz.right') : t('quiz.wrong')))
  // The right answer by the label of its radio: the page names the answers, not the quiz JSON.
  if (!right)
    box.append(
      ' ',
      t('quiz.rightAnswer', {
        answer: fieldset.querySelectorAll(':scope > div > label')[key.a]?.textContent?.trim() ?? '',
      }),
    )
  // The explanation teaches whichever way the learner answered.
  if (key.x) {
    const why = el('span', { class: 'cm-q-why' })
    // The explanation is author HTML rendered by the build, decoded from the key.
    why.innerHTML = key.x
    box.append(' ', why)
  }
  for (const input of all<HTMLInputElement>('input', fieldset)) input.disabled = true
}
