/**
 * The completion record page: a page of the site like the others, whose
 * content the runtime makes from the learner's progress (src/runtime/
 * record-page.ts), since only their browser knows it. It is published at
 * RECORD_PATH (site-paths.ts), whose name starts with no `_` so that every
 * static host serves it.
 */
import type { Messages } from '../messages/course-messages.ts'
import { messageHtml, messageText } from '../messages/format-message.ts'
import type { CourseOutline } from '../model/types.ts'
import { type PageAssets, pageDocument, pageTitle } from './layout.ts'
import { RECORD_PATH } from './site-paths.ts'
import type { SiteOptions } from './types.ts'
import { escapeHtml } from './escape.ts'
import { titleHtml } from './title.ts'

/**
 * The record page of `course`, in the course's language (`ui`); `version`
 * names the build (a hash of it).
 */
export function layoutRecordPage(
  course: CourseOutline,
  { assets, options, version, ui }: { assets: PageAssets; options: SiteOptions; version: string; ui: Messages },
): string {
  return pageDocument({
    course,
    title: pageTitle(messageText(ui, 'record.title'), course, ui),
    // `_` starts no page id: the gate leaves this page open.
    id: '_record',
    prev: null,
    quiz: false,
    // The runtime fills the record with a table.
    blocks: true,
    path: RECORD_PATH,
    kind: 'record',
    styles: { elements: [], attributes: [] },
    dots: '',
    main: [
      `<h1 id="cm-title">${messageHtml(ui, 'record.title')}</h1>`,
      `<noscript><p class="cm-notice">${messageHtml(ui, 'record.noScript')}</p></noscript>`,
      `<div class="cm-record" id="cm-record" data-cm-version="${escapeHtml(version)}"></div>`,
      // The sections' titles, for the runtime's table: the manifest every page loads carries none.
      `<ul hidden>${course.sequence
        .filter((p) => p.page.front.kind === 'section')
        .map((p) => `<li data-cm-title-of="${escapeHtml(p.page.id)}">${titleHtml(p.page.front.title, ui)}</li>`)
        .join('')}</ul>`,
    ].join('\n'),
    assets,
    options,
    ui,
  })
}
