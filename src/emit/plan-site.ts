/**
 * Stage 7, plan site: every file of the site, with its contents (each page
 * laid out by render/layout.ts), and nothing written. Pure, so a build can be
 * checked, served from memory by `dev`, or written atomically by
 * write-site.ts. Besides the course's pages and files: the hashed runtime
 * (runtime-manifest.ts), its extras, the completion record page and the
 * service worker (offline-worker.ts). The runtime and its extras are written
 * once per language of the course's pages, each with that language's
 * messages, so a page loads only its own language's words.
 */
import { error, type Diagnostic } from '../diagnostics/diagnostic.ts'
import { type CourseMessages, type Messages, messagesOf } from '../messages/course-messages.ts'
import { hexHash } from '../model/hash.ts'
import type { Course } from '../model/types.ts'
import { layoutPage, type PageAssets, type SiteDots, siteDots } from '../render/layout.ts'
import { layoutRecordPage } from '../render/record-page.ts'
import type { RenderedPage } from '../render/render-page.ts'
import { RECORD_PATH, WORKER_PATH } from '../render/site-paths.ts'
import { sha256Base64 } from '../render/sha256.ts'
import { pageUrls } from '../render/site-urls.ts'
import type { SiteOptions } from '../render/types.ts'
import type { RuntimeAssets } from './assets.ts'
import type { FileRevision } from './file-revisions.ts'
import { drawScript, gateScript } from './first-paint.ts'
import { type OfflineSummary, offlineWorker, removingWorker } from './offline-worker.ts'
import { buildVersion, manifestOf, withManifest, withMessages } from './runtime-manifest.ts'

/** One file of the site: text or bytes to write, or a source file to copy. */
export type SiteFile = { path: string; data: string } | { path: string; copyFrom: string }

export interface SitePlan {
  /** By output path, relative to the site root, with forward slashes. */
  files: Map<string, SiteFile>
  diagnostics: Diagnostic[]
  /** How the site is kept offline, for the build's summary. */
  offline: OfflineSummary
}

/** What planning needs besides the course. */
export interface PlanInput {
  rendered: ReadonlyMap<string, RenderedPage>
  runtime: RuntimeAssets
  options: SiteOptions
  /** Revision and size of each static file; null when no worker is wanted (`dev`). */
  statics: ReadonlyMap<string, FileRevision> | null
  /** The interface's messages in each language of the course's pages. */
  messages: CourseMessages
}

export function planSite(course: Course, input: PlanInput): SitePlan {
  const { runtime, options, statics, messages } = input
  const files = new Map<string, SiteFile>()
  const diagnostics: Diagnostic[] = []
  const add = (file: SiteFile) => files.set(file.path, file)
  // An LMS package has no worker: the LMS, not the course, decides how its files are served.
  const offline = course.offline && statics !== null && !options.devScript && !options.lms

  const extrasCssPath = `assets/coursemark-extras.${hexHash(runtime.extras.css)}.css`
  // The manifest's URLs are written as the index writes them: from the site root.
  const urls = pageUrls(options, '')
  const assets = new Map<string, PageAssets>()
  const gate = gateScript(runtime.first.gate, course.id, options)
  const first = {
    gate,
    draw: drawScript(runtime.first.draw),
    hashes: { ...runtime.inlineHashes, gate: sha256Base64(gate) },
  }
  for (const ui of messages.byLang.values()) {
    const extras = withMessages(runtime.extras.js, ui)
    const extrasPath = `assets/coursemark-extras.${hexHash(extras)}.js`
    const manifest = manifestOf(course, options, {
      extras: { js: urls.file(extrasPath), css: urls.file(extrasCssPath) },
      record: urls.page(RECORD_PATH),
      worker: offline ? urls.file(WORKER_PATH) : null,
    })
    const [jsPath, indexJsPath] = [runtime.js, runtime.indexJs].map((source) => {
      const js = withManifest(withMessages(source, ui), manifest)
      const path = `assets/coursemark.${hexHash(js)}.js`
      add({ path, data: js })
      return path
    }) as [string, string]
    add({ path: extrasPath, data: extras })
    assets.set(ui.lang, { css: runtime.css, js: jsPath, indexJs: indexJsPath, ...first })
  }
  add({ path: extrasCssPath, data: runtime.extras.css })
  addPages(course, input, assets, add, diagnostics)

  for (const s of course.statics) {
    if (files.has(s.path) || s.path.startsWith('assets/coursemark') || s.path === WORKER_PATH) {
      diagnostics.push(clash(s.path, 'a file coursemark writes'))
      continue
    }
    add({ path: s.path, copyFrom: s.absPath })
  }
  if (!offline) {
    // A site that had a worker gets one that removes it; a package never had one.
    if (!options.lms) add({ path: WORKER_PATH, data: removingWorker(options.base) })
    diagnostics.push(...folderClashes(files))
    return { files, diagnostics, offline: { mode: 'off', bytes: 0 } }
  }
  const worker = offlineWorker(runtime.worker, revisionsOf(files, statics), options.base)
  add({ path: WORKER_PATH, data: worker.data })
  diagnostics.push(...folderClashes(files))
  return { files, diagnostics, offline: worker.summary }
}

/**
 * A course file where one of coursemark's own needs a folder of that name,
 * or the other way round (a file `completion-record`, a folder
 * `coursemark-sw.js/`): the site could not be written. Clashes between the
 * course's own files are found earlier (model/check-output-paths.ts).
 */
function folderClashes(files: ReadonlyMap<string, SiteFile>): Diagnostic[] {
  const out: Diagnostic[] = []
  for (const [path, file] of files) {
    for (let at = path.indexOf('/'); at >= 0; at = path.indexOf('/', at + 1)) {
      const blocking = files.get(path.slice(0, at))
      if (!blocking) continue
      const course = 'copyFrom' in file ? file : blocking
      out.push(clash(course.path, `${course === file ? blocking.path : path}, which coursemark writes`))
    }
  }
  return out
}

/** The index, the chapters and sections, and the completion record page, each with its language's script. */
function addPages(
  course: Course,
  { rendered, runtime, options, messages }: PlanInput,
  assets: ReadonlyMap<string, PageAssets>,
  add: (file: SiteFile) => void,
  diagnostics: Diagnostic[],
): void {
  const dots = new Map<string, SiteDots>()
  const page = (entry: Course['sequence'][number] | null, path: string) => {
    const r = rendered.get(entry ? entry.page.id : course.index.id)
    if (!r) return
    const ui = messagesOf(messages, r.page)
    const ofLang = dots.get(ui.lang) ?? siteDots(course, options, ui)
    dots.set(ui.lang, ofLang)
    const layout = { course, rendered: r, entry, assets: assetsOf(assets, ui), options, ui, dots: ofLang }
    add({ path, data: layoutPage(layout) })
  }
  page(null, 'index.html')
  for (const entry of course.sequence) page(entry, `${entry.page.path}index.html`)
  const record = `${RECORD_PATH}index.html`
  const taken = course.sequence.find((p) => `${p.page.path}index.html` === record)
  if (taken) {
    diagnostics.push(clash(taken.page.file, `${RECORD_PATH}, where the completion record goes`))
    return
  }
  // dev previews have no version: hashing every page would change the record page on every edit.
  const version = options.devScript ? 'dev' : buildVersion(course, rendered, runtime, options, messages)
  const ui = messagesOf(messages, course.index)
  add({ path: record, data: layoutRecordPage(course, { assets: assetsOf(assets, ui), options, version, ui }) })
}

/** The stylesheet and inline scripts, and the runtime in the language of `ui`. */
function assetsOf(assets: ReadonlyMap<string, PageAssets>, ui: Messages): PageAssets {
  const found = assets.get(ui.lang)
  if (!found) throw new Error(`no script was planned for the language ${ui.lang}`)
  return found
}

/** Every planned file's revision and size: hashed here for written files, read before for copied ones. */
function revisionsOf(
  files: ReadonlyMap<string, SiteFile>,
  statics: ReadonlyMap<string, FileRevision>,
): Map<string, FileRevision> {
  const out = new Map<string, FileRevision>()
  for (const file of files.values()) {
    const stat =
      'data' in file ? { rev: hexHash(file.data), size: Buffer.byteLength(file.data) } : statics.get(file.path)
    if (stat) out.set(file.path, stat)
  }
  return out
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
