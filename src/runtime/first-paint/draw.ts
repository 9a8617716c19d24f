/**
 * The draw script: inline, right after a section's quiz (its hash in the
 * Content-Security-Policy). The build wrote the whole bank as hidden radio
 * groups; this shows the learner's draw of them, with the same pure draw as
 * the runtime (seeded-draw.ts), before the page is first laid out, so the
 * quiz is answerable without waiting for the runtime script. It hands the
 * draw function to the runtime, which adopts what it finds when its draw
 * (for the progress it reads) is the same, and draws again otherwise
 * (course-page.ts); one function, so the two cannot disagree, and the
 * runtime script does not carry a second copy.
 *
 * It only reads what the head gate read, and writes nothing: with no
 * progress yet (a learner's very first page), or progress it cannot read,
 * the quiz waits for the runtime, which makes the learner's seed and draws.
 */
import { drawStatements } from '../seeded-draw.ts'
import { firstPaint } from './first-paint.ts'
import { showDraw } from './show-draw.ts'

/** What the draw needs of stored progress; the runtime checks the rest. */
interface Drawable {
  seed: string
  done: string[]
  attempts: Record<string, { bank?: unknown; n?: unknown } | undefined>
}

function isDrawable(state: unknown): state is Drawable {
  const s = state as Drawable | null
  return !!s && typeof s.seed === 'string' && s.seed !== '' && Array.isArray(s.done) && !!s.attempts
}

;(() => {
  const first = firstPaint()
  const root = document.documentElement
  const section = document.querySelector<HTMLElement>('.cm-quiz')
  const list = section?.querySelector<HTMLElement>('.cm-q-list')
  if (!first) return
  first.draw = drawStatements
  first.show = showDraw
  if (!first.k || !section || !list) return
  const s = first.state
  // No progress yet (the learner's first page), or none the draw can read: the runtime makes it and draws.
  if (!isDrawable(s)) return
  const id = root.getAttribute('data-cm-page') ?? ''
  // Done before: the runtime shows the page for review, without the quiz.
  if (s.done.indexOf(id) >= 0) {
    section.hidden = true
    return
  }
  let quiz: { n: number; bank: string }
  try {
    quiz = JSON.parse(section.getAttribute('data-cm-quiz') ?? '')
  } catch {
    return
  }
  const record = s.attempts[id]
  const n = record && record.bank === quiz.bank ? record.n : 0
  const attempt = Number.isInteger(n) && (n as number) >= 0 ? (n as number) : 0
  showDraw(list, drawStatements(s.seed, id, attempt, list.children.length, quiz.n))
  // Score pressed before the runtime has wired it is kept, and scored once it has (quiz.ts).
  const score = section.querySelector<HTMLElement>('.cm-score')
  if (score) score.onclick = () => score.setAttribute('data-cm-pressed', '')
})()
