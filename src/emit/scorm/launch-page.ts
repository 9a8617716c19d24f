/**
 * The package's launch page (`scorm.html`), the file the LMS opens. Its
 * script (src/runtime/lms/launch.ts) holds the one SCORM session of the
 * launch and shows the course pages in the frame below, which is why its
 * Content-Security-Policy adds `frame-src 'self'` to the pages' own.
 * The frame stays hidden until the script shows a page in it.
 */
import type { Messages } from '../../messages/course-messages.ts'
import { messageHtml } from '../../messages/format-message.ts'
import { contentSecurityPolicy, direction, headStart } from '../../render/layout.ts'
import { escapeHtml } from '../../render/escape.ts'

/** The launch page's file name, at the package root beside the course index. */
export const LAUNCH_PAGE = 'scorm.html'

const STYLE = 'html,body,iframe{margin:0;border:0;width:100%;height:100%}iframe{display:block}'

export interface LaunchPageInput {
  /** The course title, as text. */
  title: string
  /** The interface's messages in the course's language, which is the page's. */
  ui: Messages
  /** `1.2` or `2004`: which API the script looks for. */
  version: '1.2' | '2004'
  /** The launch script's path, relative to the package root. */
  script: string
}

export function launchPage({ title, ui, version, script }: LaunchPageInput): string {
  const style = `<style>${STYLE}</style>`
  return `<!doctype html>
<html lang="${escapeHtml(ui.lang)}" dir="${direction(ui.lang)}" data-cm-scorm="${version}">
<head>
${headStart(contentSecurityPolicy({ elements: [STYLE], attributes: [] }, { frames: true }), title)}
${style}
<script src="${escapeHtml(encodeURI(script))}"></script>
</head>
<body>
<iframe id="cm-launch-frame" title="${escapeHtml(title)}" hidden></iframe>
<noscript><p>${messageHtml(ui, 'lms.noScript')} <a href="index.html">${messageHtml(ui, 'lms.openIndex')}</a></p></noscript>
</body>
</html>
`
}
