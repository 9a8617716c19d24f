/**
 * A page's bare twin, the floor of the runtime rows (issue 13): the same
 * page's text with no script and no stylesheet, `<h1>` and the body only.
 * For the reference corpus the body is what kramdown made of the page
 * (the seed's renderer, `kramdown-html/<id>.html`); for any other course it
 * is coursemark's own rendering of the Markdown, the quiz's radio groups
 * left out (the bare page has no quiz).
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { CORPUS_DIR } from './courses.ts'

const KRAMDOWN_DIR = join(CORPUS_DIR, '..', 'kramdown-html')

/** The bare twin of a built page (`html`, as the site holds it) whose id is `id`. */
export function bareTwin(id: string, html: string): string {
  const lang = /<html lang="([^"]*)"/.exec(html)?.[1] ?? 'en'
  const title = /<title>([\s\S]*?)<\/title>/.exec(html)?.[1] ?? id
  const h1 = /<h1 id="cm-title">([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? title
  const kramdown = join(KRAMDOWN_DIR, `${id}.html`)
  const body = existsSync(kramdown) ? readFileSync(kramdown, 'utf8') : ownBody(html)
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
</head>
<body>
<h1>${h1}</h1>
${body}
</body>
</html>
`
}

/** The content of the page's `<main>` after its heading, without the quiz's radio groups and the inline script. */
function ownBody(html: string): string {
  const main = /<main[^>]*>([\s\S]*?)<\/main>/.exec(html)?.[1] ?? ''
  return main
    .replace(/<h1 id="cm-title">[\s\S]*?<\/h1>/, '')
    .replace(/<noscript>[\s\S]*?<\/noscript>/g, '')
    .replace(/<div class="cm-quiz-body"[\s\S]*?<\/section>/, '</section>')
    .replace(/<script>[\s\S]*?<\/script>/g, '')
}
