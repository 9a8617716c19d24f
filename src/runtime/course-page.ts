/**
 * A chapter or section page: mark it done when it has nothing to pass, run
 * its quiz when it has one, and put the right control in `#cm-next`.
 *
 *   no quiz            → done on opening; "Begin the chapter" / "Next section"
 *   quiz, done before  → review: quiz hidden, a note, "Next section"
 *   quiz, not done     → attempt; all right → done + "Next section";
 *                        otherwise "Review this section" → next attempt
 */
import { markDots } from './dots.ts'
import { all, el, fill } from './dom.ts'
import { isComplete } from './gate.ts'
import { showNotices } from './notices.ts'
import { doneIds, type PageContext } from './page-context.ts'
import { renderAttempt } from './quiz.ts'
import { readQuiz } from './quiz-data.ts'
import { drawStatements } from './seeded-draw.ts'

/** Wire the chapter or section page described by `context`. */
export function wireCoursePage(context: PageContext): void {
  const manifest = context.manifest
  const store = context.store
  const pageId = context.pageId
  const position = manifest.pages.findIndex((p) => p.id === pageId)
  const page = manifest.pages[position]
  const next = document.getElementById('cm-next')
  const section = document.querySelector<HTMLElement>('.cm-quiz')
  const refresh = () => {
    markDots(context)
    showNotices(context)
  }
  refresh()
  // A page the manifest does not know (a stale copy) gets no controls rather than wrong ones.
  if (!page || !next) return

  const markDone = () => {
    store.update((s) => {
      if (!s.done.includes(page.id)) s.done.push(page.id)
    })
    refresh()
  }

  /** Replace the controls under the page with `nodes`. */
  const controls = (...nodes: Array<Node | string>) => fill(next, ...nodes)

  /** The way on: the next page, or back to the index from the last one. */
  const onward = (): Node[] => {
    const following = manifest.pages[position + 1]
    if (following) {
      const name = page.kind === 'c' && following.kind === 's' ? 'Begin the chapter' : 'Next section'
      return [el('a', { class: 'cm-button', href: following.url }, name)]
    }
    const end: Node[] = [el('a', { class: 'cm-button', href: manifest.base }, 'Back to the course index')]
    if (isComplete(manifest.pages, doneIds(context)))
      end.unshift(el('p', { class: 'cm-done-note' }, 'You have completed the course.'))
    return end
  }

  if (!section) {
    markDone()
    controls(...onward())
    return
  }
  if (doneIds(context).includes(page.id)) {
    section.hidden = true
    controls(
      el('p', { class: 'cm-done-note' }, 'You have passed the quiz on this page; it is open for review.'),
      ...onward(),
    )
    return
  }
  const loaded = readQuiz(section.getAttribute('data-cm-quiz'))
  const body = section.querySelector<HTMLElement>('.cm-quiz-body')
  if (!loaded || !body) {
    // The learner cannot pass a quiz that cannot run; say so and let them on.
    for (const node of all('.cm-needs-js', section)) node.remove()
    if (body) fill(body, el('p', { class: 'cm-notice' }, 'This quiz could not be loaded, so it is skipped.'))
    markDone()
    controls(...onward())
    return
  }
  const quiz = loaded.quiz
  const main = document.getElementById('cm-main')

  const startAttempt = (): void => {
    const record = store.state.attempts[page.id]
    const attempt = record && record.bank === quiz.bank ? record.n : 0
    const drawn = drawStatements(store.state.seed, page.id, attempt, quiz.items.length, quiz.n)
    renderAttempt(body, loaded, drawn, (result) => {
      if (result.passed) {
        markDone()
        controls(...onward())
        return
      }
      // The next attempt is recorded now, so a reload after failing brings new statements too.
      store.update((s) => {
        s.attempts[page.id] = { bank: quiz.bank, n: attempt + 1 }
      })
      refresh()
      const retry = el('button', { type: 'button', class: 'cm-button' }, 'Review this section')
      retry.addEventListener('click', () => {
        startAttempt()
        main?.focus()
        window.scrollTo(0, 0)
      })
      controls(retry)
    })
    if (context.openAll)
      controls(el('p', { class: 'cm-next-hint' }, 'Every page is open, so this quiz is optional.'), ...onward())
    else controls(el('p', { class: 'cm-next-hint' }, 'Pass the quiz to unlock the next page.'))
  }
  startAttempt()
}
