/**
 * What `dev` shows in place of every page while the course does not build:
 * each error with its file:line:column, message, source line with a caret,
 * and hint, as `coursemark build` prints them (all of it escaped). The page
 * loads the live-reload script, so it goes away by itself once the course
 * builds again.
 */
import { formatDiagnostic, placeOf } from '../diagnostics/format.ts'
import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import { escapeHtml } from '../render/escape.ts'
import { sha256Base64 } from '../render/sha256.ts'
import { DEV_SCRIPT_URL } from './reload-client.ts'

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fff}
main{max-width:60rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.5rem;color:#a4001d}
section{border-left:4px solid #a4001d;padding:.25rem 1rem;margin:1.5rem 0;background:#fbf3f4}
h2{font-size:1rem;margin:.5rem 0}
pre{overflow-x:auto;background:#fff;padding:.5rem;border:1px solid #ddd}
code,pre{font-family:ui-monospace,monospace}
@media (prefers-color-scheme:dark){body{background:#151515;color:#eee}section{background:#2a1a1c}pre{background:#000;border-color:#444}h1{color:#ff8a9a}}`

/** The error page, for a build that has errors. */
export function errorPage(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>): string {
  const errors = diagnostics.filter((d) => d.severity === 'error')
  const sections = errors.map((d) => {
    const where = placeOf(d) || 'The course'
    // The excerpt and caret exactly as the terminal shows them.
    const excerpt = formatDiagnostic(d, sources, { color: false })
      .split('\n')
      .slice(1)
      .filter((l) => !l.startsWith('  hint: '))
      .join('\n')
    return `<section>
<h2><code>${escapeHtml(where)}</code> ${escapeHtml(d.message)} <code>[${escapeHtml(d.code)}]</code></h2>
${excerpt ? `<pre>${escapeHtml(excerpt)}</pre>\n` : ''}${d.hint ? `<p><strong>Hint:</strong> ${escapeHtml(d.hint)}</p>\n` : ''}</section>`
  })
  const count = `${errors.length} error${errors.length === 1 ? '' : 's'}`
  const csp = `default-src 'none'; style-src 'sha256-${sha256Base64(STYLE)}'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'`
  return `<!doctype html>
<html lang="en" data-cm-dev-error>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>Build failed: ${count} – coursemark dev</title>
<style>${STYLE}</style>
<script src="${DEV_SCRIPT_URL}" defer></script>
</head>
<body>
<main>
<h1>The course does not build: ${count}</h1>
<p>Fix ${errors.length === 1 ? 'it' : 'them'} and save; this page reloads by itself.</p>
${sections.join('\n')}
</main>
</body>
</html>
`
}

/** What `dev` answers for a URL the site does not have; it reloads if the page appears. */
export function notFoundPage(path: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; connect-src 'self'">
<title>Not found – coursemark dev</title>
<script src="${DEV_SCRIPT_URL}" defer></script>
</head>
<body>
<main>
<h1>Not found</h1>
<p>The course has no page at <code>${escapeHtml(path)}</code>. <a href="/">Go to the course index</a>.</p>
</main>
</body>
</html>
`
}
