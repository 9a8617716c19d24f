/**
 * The confirmation before a reset, in the extras (loaded when Reset is
 * pressed): a native modal dialog where there is one, `confirm` where not.
 */
import { el } from './dom.ts'

/** Ask before resetting: a native modal dialog where there is one, `confirm` where not. */
export function confirmReset(onReset: () => void): void {
  const dialog = el(
    'dialog',
    { class: 'cm-dialog', 'aria-labelledby': 'cm-dialog-title', 'aria-describedby': 'cm-dialog-text' },
    el('h2', { id: 'cm-dialog-title' }, 'Reset the course?'),
    el(
      'p',
      { id: 'cm-dialog-text' },
      'This clears your progress and quiz attempts in this browser, and the course starts again from the first page.',
    ),
    el(
      'form',
      { method: 'dialog', class: 'cm-dialog-actions' },
      el('button', { value: 'reset', class: 'cm-button cm-danger' }, 'Reset progress'),
      el('button', { value: 'cancel', class: 'cm-button cm-secondary', autofocus: '' }, 'Cancel'),
    ),
  )
  if (typeof dialog.showModal !== 'function') {
    if (window.confirm('Reset the course? This clears your progress in this browser.')) onReset()
    return
  }
  dialog.addEventListener('close', () => {
    dialog.remove()
    if (dialog.returnValue === 'reset') onReset()
  })
  document.body.append(dialog)
  dialog.showModal()
}
