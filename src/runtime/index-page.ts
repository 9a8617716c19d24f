/**
 * The course index: links to every page the learner may open, Begin /
 * Continue / Reset, and a message when the course is complete.
 *
 * The build marks course pages with `data-cm-link` and the buttons with
 * `data-cm-action`; this only fills them in, so the reference index's own
 * headings and "Begin the Course" buttons keep their text.
 */
import { all, el } from './dom.ts'
import { canOpen, furthestUnlocked, isComplete } from './gate.ts'
import { loadExtras } from './load-extras.ts'
import { t } from './messages.ts'
import { showNotices } from './notices.ts'
import { doneIds, openLimit, type PageContext } from './page-context.ts'

/** Bring links, buttons and status in line with the current progress. */
function render(context: PageContext): void {
  const pages = context.manifest.pages
  const done = doneIds(context)
  const limit = openLimit(context)
  const positions = new Map(pages.map((p, i) => [p.id, i]))
  for (const holder of all('[data-cm-link]')) {
    const position = positions.get(holder.getAttribute('data-cm-link') ?? '') ?? -1
    const page = pages[position]
    const link = holder.querySelector(':scope > a.cm-index-link')
    if (page && canOpen(position, limit)) {
      if (!link) holder.append(el('a', { class: 'cm-index-link', href: page.url }, ...Array.from(holder.childNodes)))
    } else if (link) {
      link.replaceWith(...Array.from(link.childNodes))
    }
  }
  const isDone = new Set(done)
  const started = pages.some((p) => isDone.has(p.id))
  const complete = isComplete(pages, done)
  const show = (action: string, visible: boolean) => {
    for (const button of all(`[data-cm-action="${action}"]`)) button.hidden = !visible
  }
  show('begin', !started)
  show('continue', started && !complete)
  show('reset', started)
  show('record', complete)
  // In an LMS, the LMS keeps the learner's record and decides about new attempts; nothing it holds is lowered.
  if (__CM_LMS_RUNTIME__ && context.store.kind === 'lms')
    for (const action of ['reset', 'record', 'move']) show(action, false)
  for (const status of all('[data-cm-status]')) {
    status.textContent = complete ? t('index.complete') : ''
  }
  showNotices(context)
}

/** Ask before resetting, with the extras' dialog; with the browser's own `confirm` if they cannot load. */
function askToReset(context: PageContext, onReset: () => void): void {
  loadExtras(context.manifest.extras).then(
    (extras) => extras.confirmReset(onReset),
    () => {
      if (window.confirm(t('reset.ask'))) onReset()
    },
  )
}

/** Open "Move your progress", with a progress link's code if one was opened; say so if it cannot load. */
function openMove(context: PageContext, opener: HTMLElement | null, incoming: string | null): void {
  loadExtras(context.manifest.extras).then(
    (extras) => extras.openMoveDialog(context, { opener, incoming, changed: () => render(context) }),
    () => {
      for (const status of all('[data-cm-status]')) status.textContent = t('index.cannotLoad')
    },
  )
}

/**
 * The code of a progress link (`#progress=…`), taken off the address at
 * once so that a reload, a bookmark or a shared screen does not carry it on.
 */
function takeIncomingCode(): string | null {
  // Codes are ASCII letters, digits and hyphens: nothing to percent-decode.
  const code = location.hash.startsWith('#progress=') ? location.hash.slice(10) : null
  if (code !== null) history.replaceState(history.state, '', location.pathname + location.search)
  return code
}

/** Wire the index page. */
export function wireIndexPage(context: PageContext): void {
  const pages = context.manifest.pages
  render(context)
  for (const button of all('[data-cm-action="move"]')) {
    button.addEventListener('click', () => openMove(context, button, null))
  }
  const incoming = takeIncomingCode()
  if (incoming !== null) openMove(context, null, incoming)
  const go = (url: string | undefined) => {
    if (url) location.assign(url)
  }
  for (const button of all('[data-cm-action="begin"]')) {
    button.addEventListener('click', () => go(pages[0]?.url))
  }
  for (const button of all('[data-cm-action="continue"]')) {
    button.addEventListener('click', () => go(pages[furthestUnlocked(pages, doneIds(context))]?.url))
  }
  for (const button of all('[data-cm-action="reset"]')) {
    button.addEventListener('click', () =>
      askToReset(context, () => {
        context.store.reset()
        render(context)
        for (const status of all('[data-cm-status]')) status.textContent = t('index.resetDone')
        all('[data-cm-action="begin"]')[0]?.focus()
      }),
    )
  }
}
