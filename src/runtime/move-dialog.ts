/**
 * "Move your progress": a modal dialog showing this browser's progress as a
 * link and as a code to type on another device, and taking a code (or the
 * code of a progress link just opened) to add here. Adding is a union
 * (merge-progress.ts): nothing on either device is lost, and the learner is
 * told what was added. Nothing is sent anywhere: the link keeps the progress
 * after `#`, which browsers never send to a server.
 *
 *   dialog ── your progress: [link] Copy link · [code] Copy code
 *          └─ from another device: [Enter a progress code] Add this progress
 *             status (what was added) · alert (why a code was refused)
 */
import { el } from './dom.ts'
import { mergeProgress } from './merge-progress.ts'
import { t } from './messages.ts'
import { codeCourse } from './page-key.ts'
import type { PageContext } from './page-context.ts'
import { type CodeProblem, decodeProgress, encodeProgress, groupCode } from './progress-code.ts'
import { indexUrl } from './site-root.ts'

/** Why a code is refused, by problem (keys written out: the build looks for them in the script). */
const REFUSED: Record<CodeProblem, string> = {
  empty: 'move.empty',
  character: 'move.badCharacter',
  mistyped: 'move.mistyped',
  newer: 'move.newer',
  'other-course': 'move.otherCourse',
}

/** The dialog's parts that change after it opens. */
interface Parts {
  input: HTMLInputElement
  status: HTMLElement
  error: HTMLElement
}

/** Open the dialog (see `Extras.openMoveDialog`). */
export function openMoveDialog(
  context: PageContext,
  options: { opener: HTMLElement | null; incoming: string | null; changed: () => void },
): void {
  const parts: Parts = {
    input: el('input', {
      type: 'text',
      id: 'cm-move-input',
      autocomplete: 'off',
      autocapitalize: 'characters',
      spellcheck: 'false',
      dir: 'ltr',
      'aria-describedby': 'cm-move-hint',
    }),
    status: el('p', { class: 'cm-move-status', role: 'status' }),
    error: el('p', { class: 'cm-field-error', id: 'cm-move-error', role: 'alert' }),
  }
  if (options.incoming) parts.input.value = options.incoming
  const add = el('button', { type: 'button', class: 'cm-button' }, t('move.add'))
  add.addEventListener('click', () => addProgress(context, parts, options.changed))
  parts.input.addEventListener('input', () => clearError(parts))
  parts.input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') addProgress(context, parts, options.changed)
  })
  const dialog = el(
    'dialog',
    { class: 'cm-dialog cm-move', 'aria-labelledby': 'cm-move-title' },
    el('h2', { id: 'cm-move-title' }, t('move.title')),
    ...(options.incoming ? [] : ownProgress(context, parts.status)),
    el('h3', {}, t('move.fromElsewhere')),
    ...(options.incoming ? [el('p', {}, t('move.fromLink'))] : []),
    el('label', { for: 'cm-move-input' }, t('move.enterLabel')),
    el('p', { class: 'cm-field-hint', id: 'cm-move-hint' }, t('move.enterHint')),
    el('div', { class: 'cm-field-row' }, parts.input, add),
    parts.error,
    parts.status,
    el(
      'form',
      { method: 'dialog', class: 'cm-dialog-actions' },
      el('button', { class: 'cm-button cm-secondary' }, t('move.close')),
    ),
  )
  dialog.addEventListener('close', () => {
    dialog.remove()
    options.opener?.focus()
  })
  document.body.append(dialog)
  dialog.showModal()
  // An incoming link's code waits on its button; otherwise the dialog starts at its first control.
  if (options.incoming) add.focus()
}

/** This browser's progress as a link and a code, each with a Copy button that says in `status` what it did. */
function ownProgress(context: PageContext, status: HTMLElement): Node[] {
  const done = context.store.state.done
  const known = new Set(context.manifest.pages.map((p) => p.id))
  if (!done.some((id) => known.has(id))) return [el('p', {}, t('move.nothingYet'))]
  const code = groupCode(encodeProgress(done, codeCourse(context.manifest)))
  // The index's address: `<origin><base>` on a web site, `…/index.html` in a package.
  const link = `${new URL(indexUrl(context.manifest), location.href).href}#progress=${code}`
  const say = (message: string) => {
    status.textContent = message
  }
  return [
    el('p', {}, t('move.intro')),
    ...copyField(
      {
        id: 'cm-move-link',
        label: t('move.linkLabel'),
        value: link,
        button: t('move.copyLink'),
        done: t('move.linkCopied'),
      },
      say,
    ),
    ...copyField(
      {
        id: 'cm-move-code',
        label: t('move.codeLabel'),
        value: code,
        button: t('move.copyCode'),
        done: t('move.codeCopied'),
      },
      say,
    ),
  ]
}

/** A labelled read-only textbox holding `field.value`, and a button that copies it to the clipboard and says `done`. */
function copyField(
  field: { id: string; label: string; value: string; button: string; done: string },
  say: (message: string) => void,
): Node[] {
  // A link and a code read left to right whatever the page's direction.
  const box = el('input', {
    type: 'text',
    id: field.id,
    readonly: '',
    value: field.value,
    class: 'cm-copy-value',
    dir: 'ltr',
  })
  const button = el('button', { type: 'button', class: 'cm-button cm-secondary' }, field.button)
  button.addEventListener('click', () => {
    copyText(box).then(
      () => say(field.done),
      () => {
        box.select()
        say(t('move.copyFailed'))
      },
    )
  })
  return [el('label', { for: field.id }, field.label), el('div', { class: 'cm-field-row' }, box, button)]
}

/** Write the box's text to the clipboard: the Clipboard API where there is one, else the old copy command. */
function copyText(box: HTMLInputElement): Promise<void> {
  if (navigator.clipboard?.writeText) return navigator.clipboard.writeText(box.value)
  box.select()
  return document.execCommand('copy') ? Promise.resolve() : Promise.reject(new Error('copy refused'))
}

/** Decode what was typed and add it, or say why not; a refused code changes nothing. */
function addProgress(context: PageContext, parts: Parts, changed: () => void): void {
  const result = decodeProgress(parts.input.value, codeCourse(context.manifest))
  if (!result.ok) {
    const course = document.querySelector('.cm-home')?.textContent?.trim() ?? context.manifest.course
    parts.status.textContent = ''
    parts.error.textContent = t(REFUSED[result.problem], { char: result.char ?? '', course })
    parts.input.setAttribute('aria-invalid', 'true')
    parts.input.setAttribute('aria-describedby', 'cm-move-error cm-move-hint')
    parts.input.focus()
    return
  }
  clearError(parts)
  let added: string[] = []
  context.store.update((s) => {
    added = mergeProgress(s, result.done, new Date().toISOString())
  })
  const kinds = new Map(context.manifest.pages.map((p) => [p.id, p.kind]))
  const sections = added.filter((id) => kinds.get(id) === 's').length
  parts.status.textContent = added.length ? addedText(sections, added.length - sections) : t('move.nothingNew')
  changed()
}

/** "3 sections added.", "1 chapter added.", or both. */
function addedText(sections: number, chapters: number): string {
  if (sections && chapters) return t('move.addedBoth', { sections, chapters })
  return chapters ? t('move.addedChapters', { chapters }) : t('move.addedSections', { sections })
}

function clearError(parts: Parts): void {
  parts.error.textContent = ''
  parts.input.removeAttribute('aria-invalid')
  parts.input.setAttribute('aria-describedby', 'cm-move-hint')
}
