/**
 * The completion record: made in the learner's browser from the progress it
 * keeps (only it knows), so it can only be self-attested, and says so. It
 * prints on one sheet (runtime.css, `@media print`) and downloads as a small
 * HTML file holding the same record. The learner's name is kept in this
 * browser only, under its own key: never in progress codes or an LMS.
 */
import { el, fill } from './dom.ts'
import { isComplete } from './gate.ts'
import { formatDay, t } from './messages.ts'
import type { PageContext } from './page-context.ts'
import type { PassRecord } from './progress-state.ts'
import { indexUrl } from './site-root.ts'

/** The learner's name for the record: this browser only. */
const nameKey = (course: string) => `coursemark:${course}:record-name`

/** One row of the record. */
interface Row {
  title: string
  passed: PassRecord | undefined
}

/** Fill `#cm-record` (see `Extras.showRecord`). */
export function showRecord(context: PageContext): void {
  const holder = document.getElementById('cm-record')
  if (!holder) return
  const manifest = context.manifest
  const done = context.store.state.done
  const sections = manifest.pages.filter((p) => p.kind === 's')
  if (!isComplete(manifest.pages, done)) {
    const count = sections.filter((p) => done.includes(p.id)).length
    fill(
      holder,
      el('p', { class: 'cm-notice' }, t('record.notYet', { done: count, all: sections.length })),
      el('a', { class: 'cm-button', href: indexUrl(manifest) }, t('page.backToIndex')),
    )
    return
  }
  const titles = outlineTitles()
  const rows: Row[] = sections.map((p) => ({
    title: titles.get(p.id) ?? p.id,
    passed: context.store.state.passed[p.id],
  }))
  const course = document.querySelector('.cm-home')?.textContent?.trim() ?? manifest.course
  const last =
    rows
      .map((r) => r.passed?.at ?? '')
      .sort()
      .pop() ?? ''
  const version = holder.getAttribute('data-cm-version') ?? ''
  fill(holder, ...recordView({ course, version, completed: last, rows }, manifest.course))
}

/** The record's parts: the name field, the facts, the sections, the attestation and the buttons. */
function recordView(record: { course: string; version: string; completed: string; rows: Row[] }, id: string): Node[] {
  const input = el('input', {
    type: 'text',
    id: 'cm-record-name',
    autocomplete: 'name',
    'aria-describedby': 'cm-record-name-hint',
  })
  const learner = el('dd', { class: 'cm-record-learner' })
  input.value = storedName(id)
  learner.textContent = input.value
  input.addEventListener('input', () => {
    learner.textContent = input.value
    keepName(id, input.value)
  })
  const status = el('p', { role: 'status', class: 'cm-record-status' })
  const print = el('button', { type: 'button', class: 'cm-button cm-secondary' }, t('record.print'))
  const download = el('button', { type: 'button', class: 'cm-button' }, t('record.download'))
  print.addEventListener('click', () => window.print())
  download.addEventListener('click', () => {
    saveFile(record.course)
    status.textContent = t('record.downloaded')
  })
  const facts = el(
    'dl',
    { class: 'cm-record-facts' },
    ...fact(t('record.course'), record.course),
    ...fact(t('record.version'), record.version),
    el('dt', {}, t('record.learner')),
    learner,
    ...fact(t('record.completed'), day(record.completed)),
  )
  return [
    el(
      'div',
      { class: 'cm-record-name' },
      el('label', { for: 'cm-record-name' }, t('record.nameLabel')),
      input,
      el('p', { class: 'cm-field-hint', id: 'cm-record-name-hint' }, t('record.nameHint')),
    ),
    facts,
    sectionTable(record.rows),
    el('p', { class: 'cm-record-attested' }, el('strong', {}, t('record.attested'))),
    el('p', { class: 'cm-record-actions' }, download, ' ', print),
    status,
  ]
}

function fact(term: string, value: string): Node[] {
  return [el('dt', {}, term), el('dd', {}, value)]
}

/** The sections, each with when it was passed and in how many attempts. */
function sectionTable(rows: Row[]): HTMLElement {
  const body = rows.map((row) => {
    const p = row.passed
    const when = p?.from === 'moved' ? t('record.moved', { date: day(p.at) }) : day(p?.at ?? '')
    const tries = !p || p.from === 'moved' ? '–' : p.attempts === 0 ? t('record.noQuiz') : count(p.attempts)
    return el('tr', {}, el('th', { scope: 'row' }, row.title), el('td', {}, when), el('td', {}, tries))
  })
  return el(
    'table',
    { class: `cm-record-sections${rows.length > 40 ? ' cm-record-long' : ''}` },
    el('caption', {}, t('record.sections')),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        ...[t('record.section'), t('record.passedOn'), t('record.attempts')].map((h) => el('th', { scope: 'col' }, h)),
      ),
    ),
    el('tbody', {}, ...body),
  )
}

/** A number as the page's language writes it. */
function count(n: number): string {
  return new Intl.NumberFormat(document.documentElement.lang).format(n)
}

/** An ISO date and time as its day in the page's language; a missing one was passed before records were kept. */
function day(iso: string): string {
  return formatDay(iso) ?? t('record.unknownDate')
}

/** Section titles by page id, from the hidden list the build puts in the record page (the manifest has no titles). */
function outlineTitles(): Map<string, string> {
  const titles = new Map<string, string>()
  for (const node of document.querySelectorAll('[data-cm-title-of]'))
    titles.set(node.getAttribute('data-cm-title-of') ?? '', node.textContent ?? '')
  return titles
}

function storedName(course: string): string {
  try {
    return window.localStorage.getItem(nameKey(course)) ?? ''
  } catch {
    return ''
  }
}

function keepName(course: string, name: string): void {
  try {
    window.localStorage.setItem(nameKey(course), name)
  } catch {
    // A name that cannot be kept is typed again next time; the record still shows it now.
  }
}

/** Save the record as it is now as a standalone HTML file (its text only, no script). */
function saveFile(course: string): void {
  const record = document.getElementById('cm-record')
  const copy = record?.cloneNode(true) as HTMLElement | undefined
  if (!copy) return
  for (const node of copy.querySelectorAll('.cm-record-name, .cm-record-actions, .cm-record-status')) node.remove()
  const css =
    'body{font:14px/1.4 system-ui,sans-serif;margin:2rem;max-width:48rem}table{border-collapse:collapse}' +
    'th,td{border:1px solid #999;padding:.2rem .5rem;text-align:start}dt{font-weight:600}'
  const title = t('record.fileTitle', { course })
  const html = `<!doctype html>\n<html lang="${document.documentElement.lang}"><meta charset="utf-8"><title>${escapeText(title)}</title><style>${css}</style><h1>${escapeText(title)}</h1>${copy.innerHTML}</html>\n`
  const link = el('a', {
    href: URL.createObjectURL(new Blob([html], { type: 'text/html' })),
    download: 'completion-record.html',
  })
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000)
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;')
}
