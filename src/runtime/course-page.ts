/**
 * A chapter or section page: mark it done when it has nothing to pass, run
 * its quiz when it has one, and put the right control in `#cm-next`.
 *
 *   no quiz            → done on opening; "Begin the chapter" / "Next section"
 *   quiz, done before  → review: quiz hidden, a note, "Next section"
 *   quiz, not done     → attempt; all right → done + "Next section";
 *                        otherwise "Review this section" → next attempt
 */
import type { RuntimePage } from '../page-contract.ts'
import { markDots } from './dots.ts'
import { all, el, fill } from './dom.ts'
import { isComplete } from './gate.ts'
import { askToKeepStorage } from './keep-storage.ts'
import { t } from './messages.ts'
import { showNotices } from './notices.ts'
import { type FirstPaint, firstPaint } from './first-paint/first-paint.ts'
import { doneIds, type PageContext } from './page-context.ts'
import { recordDone } from './progress-state.ts'
import { clearAttempt, runAttempt } from './quiz.ts'
import { indexUrl } from './site-root.ts'
import { type LoadedQuiz, readQuiz } from './quiz-data.ts'

/** The draw of seeded-draw.ts and its showing (show-draw.ts), as the page's draw script hands them over. */
type Drawing = Required<Pick<FirstPaint, 'draw' | 'show'>>

/** The page being wired: its context, its place in the manifest, and where its controls go. */
interface Here {
  context: PageContext
  page: RuntimePage
  position: number
  /** `#cm-next`. */
  next: HTMLElement
}

/** Wire the chapter or section page described by `context`. */
export function wireCoursePage(context: PageContext): void {
  const position = context.manifest.pages.findIndex((p) => p.id === context.pageId)
  const page = context.manifest.pages[position]
  const next = document.getElementById('cm-next')
  const section = document.querySelector<HTMLElement>('.cm-quiz')
  refresh(context)
  // A page the manifest does not know (a stale copy) gets no controls rather than wrong ones.
  if (!page || !next) return
  const here: Here = { context, page, position, next }

  if (!section) {
    markDone(here, 0)
    fill(next, ...onward(here))
    return
  }
  if (doneIds(context).includes(page.id)) {
    section.hidden = true
    fill(next, el('p', { class: 'cm-done-note' }, t('page.reviewNote')), ...onward(here))
    return
  }
  const loaded = readQuiz(section.getAttribute('data-cm-quiz'))
  const body = section.querySelector<HTMLElement>('.cm-quiz-body')
  // The draw comes with the page's inline draw script; without it (a broken page) the quiz cannot run.
  const first = firstPaint()
  const draw = first?.draw
  const show = first?.show
  if (!loaded || !body || !draw || !show || body.querySelectorAll('.cm-q-list > li').length !== loaded.answers.length) {
    // The learner cannot pass a quiz that cannot run; say so and let them on.
    for (const node of all('.cm-needs-js', section)) node.remove()
    if (body) {
      fill(body, el('p', { class: 'cm-notice' }, t('quiz.cannotLoad')))
      body.hidden = false
    }
    markDone(here, 0)
    fill(next, ...onward(here))
    return
  }
  // The draw script may have taken the page for done on progress the runtime reads otherwise.
  section.hidden = false
  startAttempt(here, loaded, body, { draw, show })
}

/** Bring the dots and banners in line with the progress. */
function refresh(context: PageContext): void {
  markDots(context)
  showNotices(context)
}

/** Mark the page done; `attempts` is how many the quiz took (0 for a page without one). */
function markDone(here: Here, attempts: number): void {
  const store = here.context.store
  const before = [...store.state.done]
  store.update((s) => recordDone(s, here.page.id, attempts, new Date().toISOString()))
  if (store.kind === 'local' && !before.includes(here.page.id))
    askToKeepStorage(here.context.manifest.pages, here.page, before)
  refresh(here.context)
}

/** The way on: the next page, or back to the index from the last one. */
function onward(here: Here): Node[] {
  const manifest = here.context.manifest
  const following = manifest.pages[here.position + 1]
  if (following) {
    const name = here.page.kind === 'c' && following.kind === 's' ? t('page.beginChapter') : t('page.nextSection')
    return [el('a', { class: 'cm-button', href: following.url }, name)]
  }
  const end: Node[] = [
    el(
      'a',
      { class: 'cm-button', href: __CM_LMS_RUNTIME__ ? indexUrl(manifest) : manifest.base },
      t('page.backToIndex'),
    ),
  ]
  if (isComplete(manifest.pages, doneIds(here.context))) {
    end.unshift(el('p', { class: 'cm-done-note' }, t('page.courseDone')))
    // In an LMS, the LMS keeps the learner's record.
    if (!__CM_LMS_RUNTIME__ || here.context.store.kind !== 'lms')
      end.push(el('a', { class: 'cm-button cm-secondary', href: manifest.record }, t('record.title')))
  }
  return end
}

/** Show the learner's current attempt at the quiz; passing it marks the page done, failing offers a new one. */
function startAttempt(here: Here, loaded: LoadedQuiz, body: HTMLElement, drawing: Drawing): void {
  const store = here.context.store
  const quiz = loaded.quiz
  const record = store.state.attempts[here.page.id]
  const attempt = record && record.bank === quiz.bank ? record.n : 0
  const drawn = drawing.draw(store.state.seed, here.page.id, attempt, quiz.keys.length, quiz.n)
  runAttempt(body, loaded, drawn, drawing.show, (result) => {
    if (result.passed) {
      markDone(here, attempt + 1)
      fill(here.next, ...onward(here))
      return
    }
    // The next attempt is recorded now, so a reload after failing brings new statements too.
    store.update((s) => {
      s.attempts[here.page.id] = { bank: quiz.bank, n: attempt + 1 }
    })
    refresh(here.context)
    const retry = el('button', { type: 'button', class: 'cm-button' }, t('quiz.retry'))
    retry.addEventListener('click', () => {
      clearAttempt(body)
      startAttempt(here, loaded, body, drawing)
      document.getElementById('cm-main')?.focus()
      window.scrollTo(0, 0)
    })
    fill(here.next, retry)
  })
  if (here.context.openAll) fill(here.next, el('p', { class: 'cm-next-hint' }, t('quiz.optional')), ...onward(here))
  else fill(here.next, el('p', { class: 'cm-next-hint' }, t('quiz.passToGoOn')))
}
