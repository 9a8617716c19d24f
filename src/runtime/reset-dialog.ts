/**
 * The confirmation before a reset, in the extras (loaded when Reset is
 * pressed): a native modal dialog where there is one, `confirm` where not.
 */
import { el } from './dom.ts'
import { t } from './messages.ts'

/** Ask before resetting: a native modal dialog where there is one, `confirm` where not. */
export function confirmReset(onReset: () => void): void {
  const dialog = el(
    'dialog',
    { class: 'cm-dialog', 'aria-labelledby': 'cm-dialog-title', 'aria-describedby': 'cm-dialog-text' },
    el('h2', { id: 'cm-dialog-title' }, t('reset.title')),
    el('p', { id: 'cm-dialog-text' }, t('reset.text')),
    el(
      'form',
      { method: 'dialog', class: 'cm-dialog-actions' },
      el('button', { value: 'reset', class: 'cm-button cm-danger' }, t('reset.confirm')),
      el('button', { value: 'cancel', class: 'cm-button cm-secondary', autofocus: '' }, t('reset.cancel')),
    ),
  )
  if (typeof dialog.showModal !== 'function') {
    if (window.confirm(t('reset.ask'))) onReset()
    return
  }
  dialog.addEventListener('close', () => {
    dialog.remove()
    if (dialog.returnValue === 'reset') onReset()
  })
  document.body.append(dialog)
  dialog.showModal()
}
