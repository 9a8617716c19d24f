/**
 * Stage 6, plan site: every file of the site, with its contents (each page
 * laid out by render/layout.ts), and nothing written. Pure, so a build can be
 * checked, served from memory by `dev`, or written atomically by
 * write-site.ts.
 */
import { createHash } from 'node:crypto'
import { error, type Diagnostic } from '../diagnostics/diagnostic.ts'
import type { Course } from '../model/types.ts'
import type { RuntimeManifest } from '../page-contract.ts'
import type { SiteOptions } from '../render/types.ts'
import { chapterDots, layoutPage, type PageAssets } from '../render/layout.ts'
import type { RenderedPage } from '../render/render-page.ts'
import type { RuntimeAssets } from './assets.ts'
import { courseTag, pageKeys } from './page-keys.ts'

/** One file of the site: text or bytes to write, or a source file to copy. */
export type SiteFile = { path: string; data: string } | { path: string; copyFrom: string }

export interface SitePlan {
  /** By output path, relative to the site root, with forward slashes. */
  files: Map<string, SiteFile>
  diagnostics: Diagnostic[]
}

const MANIFEST_SLOT = '__CM_MANIFEST__'

export function planSite(
  course: Course,
  rendered: ReadonlyMap<string, RenderedPage>,
  runtime: RuntimeAssets,
  options: SiteOptions,
): SitePlan {
  const files = new Map<string, SiteFile>()
  const diagnostics: Diagnostic[] = []
  const add = (file: SiteFile) => files.set(file.path, file)

  const js = withManifest(runtime.js, manifestOf(course, options))
  const jsPath = `assets/coursemark.${contentHash(js)}.js`
  const cssPath = `assets/coursemark.${contentHash(runtime.css)}.css`
  add({ path: jsPath, data: js })
  add({ path: cssPath, data: runtime.css })
  const assets: PageAssets = { css: options.base + cssPath, js: options.base + jsPath }

  const dots = chapterDots(course, options.base)
  const index = rendered.get(course.index.id)
  if (index)
    add({ path: 'index.html', data: layoutPage({ course, rendered: index, entry: null, assets, options, dots }) })
  for (const entry of course.sequence) {
    const r = rendered.get(entry.page.id)
    if (r)
      add({
        path: `${entry.page.path}index.html`,
        data: layoutPage({ course, rendered: r, entry, assets, options, dots }),
      })
  }

  for (const s of course.statics) {
    if (files.has(s.path) || s.path.startsWith('assets/coursemark.')) {
      diagnostics.push(
        error({
          code: 'site/path-clash',
          message: `${s.path} clashes with a file coursemark writes.`,
          file: s.path,
          line: 0,
          column: 0,
          hint: 'Rename or move this file.',
        }),
      )
      continue
    }
    add({ path: s.path, copyFrom: s.absPath })
  }
  return { files, diagnostics }
}

/** What every page's script knows about the course before the page paints. */
export function manifestOf(course: Course, options: SiteOptions): RuntimeManifest {
  const keys = pageKeys(course.sequence.map((p) => p.page.id))
  return {
    v: 1,
    course: course.id,
    tag: courseTag(course.id),
    base: options.base,
    openAll: options.openAll,
    pages: course.sequence.map((p, i) => ({
      id: p.page.id,
      url: options.base + encodeURI(p.page.path),
      kind: p.page.front.kind === 'chapter' ? 'c' : 's',
      quiz: p.quiz ? 1 : 0,
      key: keys[i]!,
    })),
  }
}

function withManifest(js: string, manifest: RuntimeManifest): string {
  const at = js.indexOf(MANIFEST_SLOT)
  if (at < 0 || js.indexOf(MANIFEST_SLOT, at + 1) >= 0)
    throw new Error(`the runtime bundle must refer to ${MANIFEST_SLOT} exactly once`)
  // JSON is a JavaScript expression; </script> cannot occur in an external file's context.
  return js.slice(0, at) + JSON.stringify(manifest) + js.slice(at + MANIFEST_SLOT.length)
}

export function contentHash(data: string): string {
  return createHash('sha256').update(data).digest('hex').slice(0, 10)
}
