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
import { codeCourse } from './page-key.ts'
import type { PageContext } from './page-context.ts'
import { type CodeProblem, decodeProgress, encodeProgress, groupCode } from './progress-code.ts'
import { indexUrl } from './site-root.ts'

/** Every string the dialog shows. */
const en = {
  title: 'Move your progress',
  intro:
    'To carry on on another device, open this link there, or type the code into this dialog there. ' +
    'The link and the code hold your progress themselves: nothing is sent anywhere.',
  nothingYet: 'You have not completed any page yet, so there is no progress to move from here.',
  linkLabel: 'Your progress as a link',
  codeLabel: 'Your progress as a code',
  copyLink: 'Copy link',
  copyCode: 'Copy code',
  copied: (what: string) => `${what} copied.`,
  copyFailed: 'This browser would not copy it: select the text and copy it yourself.',
  link: 'Link',
  code: 'Code',
  fromElsewhere: 'Progress from another device',
  fromLink:
    'This link holds progress in this course from another device. Add it to the progress in this browser? ' +
    'Nothing you have done here is lost.',
  enterLabel: 'Enter a progress code',
  enterHint: 'Letters and digits, as shown on the other device; hyphens and spaces do not matter.',
  add: 'Add this progress',
  close: 'Close',
  added: (sections: number, chapters: number) => {
    const n = (count: number, one: string) => `${count} ${one}${count === 1 ? '' : 's'}`
    if (sections && chapters) return `${n(sections, 'section')} and ${n(chapters, 'chapter')} added.`
    if (chapters) return `${n(chapters, 'chapter')} added.`
    return `${n(sections, 'section')} added.`
  },
  nothingNew: 'Nothing to add: this browser already has all of that progress.',
  refused: (problem: CodeProblem, char: string, course: string): string =>
    ({
      empty: 'Type the code shown on the other device first.',
      character: `“${char}” is never part of a progress code: codes have only letters, digits and hyphens.`,
      mistyped: 'This code is not right: a character may be mistyped or missing. Check it against the other device.',
      newer: 'This code was made by a newer version of coursemark: on the other device, copy the link instead.',
      'other-course': `This code is for another course, not “${course}”.`,
    })[problem],
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
      'aria-describedby': 'cm-move-hint',
    }),
    status: el('p', { class: 'cm-move-status', role: 'status' }),
    error: el('p', { class: 'cm-field-error', id: 'cm-move-error', role: 'alert' }),
  }
  if (options.incoming) parts.input.value = options.incoming
  const add = el('button', { type: 'button', class: 'cm-button' }, en.add)
  add.addEventListener('click', () => addProgress(context, parts, options.changed))
  parts.input.addEventListener('input', () => clearError(parts))
  parts.input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') addProgress(context, parts, options.changed)
  })
  const dialog = el(
    'dialog',
    { class: 'cm-dialog cm-move', 'aria-labelledby': 'cm-move-title' },
    el('h2', { id: 'cm-move-title' }, en.title),
    ...(options.incoming ? [] : ownProgress(context, parts.status)),
    el('h3', {}, en.fromElsewhere),
    ...(options.incoming ? [el('p', {}, en.fromLink)] : []),
    el('label', { for: 'cm-move-input' }, en.enterLabel),
    el('p', { class: 'cm-field-hint', id: 'cm-move-hint' }, en.enterHint),
    el('div', { class: 'cm-field-row' }, parts.input, add),
    parts.error,
    parts.status,
    el(
      'form',
      { method: 'dialog', class: 'cm-dialog-actions' },
      el('button', { class: 'cm-button cm-secondary' }, en.close),
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
  if (!done.some((id) => known.has(id))) return [el('p', {}, en.nothingYet)]
  const code = groupCode(encodeProgress(done, codeCourse(context.manifest)))
  // The index's address: `<origin><base>` on a web site, `…/index.html` in a package.
  const link = `${new URL(indexUrl(context.manifest), location.href).href}#progress=${code}`
  const say = (message: string) => {
    status.textContent = message
  }
  return [
    el('p', {}, en.intro),
    ...copyField({ id: 'cm-move-link', label: en.linkLabel, value: link, button: en.copyLink, what: en.link }, say),
    ...copyField({ id: 'cm-move-code', label: en.codeLabel, value: code, button: en.copyCode, what: en.code }, say),
  ]
}

/** A labelled read-only textbox holding `field.value`, and a button that copies it to the clipboard. */
function copyField(
  field: { id: string; label: string; value: string; button: string; what: string },
  say: (message: string) => void,
): Node[] {
  const box = el('input', { type: 'text', id: field.id, readonly: '', value: field.value, class: 'cm-copy-value' })
  const button = el('button', { type: 'button', class: 'cm-button cm-secondary' }, field.button)
  button.addEventListener('click', () => {
    copyText(box).then(
      () => say(en.copied(field.what)),
      () => {
        box.select()
        say(en.copyFailed)
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
    parts.error.textContent = en.refused(result.problem, result.char ?? '', course)
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
  parts.status.textContent = added.length ? en.added(sections, added.length - sections) : en.nothingNew
  changed()
}

function clearError(parts: Parts): void {
  parts.error.textContent = ''
  parts.input.removeAttribute('aria-invalid')
  parts.input.setAttribute('aria-describedby', 'cm-move-hint')
}
