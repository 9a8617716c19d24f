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
import { layoutRecordPage } from '../render/record-page.ts'
import { RECORD_PATH } from '../render/site-paths.ts'
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

  const extrasPath = `assets/coursemark-extras.${contentHash(runtime.extras.js)}.js`
  const extrasCssPath = `assets/coursemark-extras.${contentHash(runtime.extras.css)}.css`
  const manifest = manifestOf(course, options, {
    extras: { js: options.base + extrasPath, css: options.base + extrasCssPath },
    record: options.base + RECORD_PATH,
  })
  const js = withManifest(runtime.js, manifest)
  const jsPath = `assets/coursemark.${contentHash(js)}.js`
  const cssPath = `assets/coursemark.${contentHash(runtime.css)}.css`
  add({ path: jsPath, data: js })
  add({ path: extrasPath, data: runtime.extras.js })
  add({ path: extrasCssPath, data: runtime.extras.css })
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
  const record = `${RECORD_PATH}index.html`
  const taken = course.sequence.find((p) => `${p.page.path}index.html` === record)
  if (taken) diagnostics.push(clash(taken.page.file, `${RECORD_PATH}, where the completion record goes`))
  else {
    // dev previews have no version: hashing every page would change the record page on every edit.
    const version = options.devScript ? 'dev' : buildVersion(course, rendered, runtime, options)
    add({ path: record, data: layoutRecordPage(course, { assets, options, version }) })
  }

  for (const s of course.statics) {
    if (files.has(s.path) || s.path.startsWith('assets/coursemark')) {
      diagnostics.push(clash(s.path, 'a file coursemark writes'))
      continue
    }
    add({ path: s.path, copyFrom: s.absPath })
  }
  return { files, diagnostics }
}

/** A course file published where coursemark writes one of its own. */
function clash(file: string, what: string): Diagnostic {
  return error({
    code: 'site/path-clash',
    message: `${file} clashes with ${what}.`,
    file,
    line: 0,
    column: 0,
    hint: 'Rename or move this file.',
  })
}

/**
 * The course version the completion record names: a hash of what makes the
 * site (every page as rendered, the files copied, the runtime, the options),
 * so that any change to the course or to coursemark makes a new one.
 */
function buildVersion(
  course: Course,
  rendered: ReadonlyMap<string, RenderedPage>,
  runtime: RuntimeAssets,
  options: SiteOptions,
): string {
  const hash = createHash('sha256')
  const parts = [runtime.js, runtime.extras.js, runtime.extras.css, runtime.css]
  for (const part of [...parts, JSON.stringify(manifestOf(course, options, null))]) hash.update(part).update('\0')
  for (const page of [course.index, ...course.sequence.map((p) => p.page)])
    hash.update(`${page.path}\0${rendered.get(page.id)?.html ?? ''}\0`)
  for (const s of course.statics) hash.update(`${s.path}\0`)
  return hash.digest('hex').slice(0, 10)
}

/** The URLs a manifest names; null for a manifest only hashed into the build's version. */
type ManifestLinks = Pick<RuntimeManifest, 'extras' | 'record'>

/** What every page's script knows about the course before the page paints. */
export function manifestOf(course: Course, options: SiteOptions, links: ManifestLinks | null): RuntimeManifest {
  const keys = pageKeys(course.sequence.map((p) => p.page.id))
  return {
    v: 1,
    course: course.id,
    tag: courseTag(course.id),
    ...(links ?? { extras: { js: '', css: '' }, record: '' }),
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
