/**
 * The pipeline as one call: load → model → render → emit. The CLI, `dev` and
 * the Node API all go through here.
 */
import { basename, resolve } from 'node:path'
import { courseShape, type BuildCache } from './build-cache.ts'
import { hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics/diagnostic.ts'
import { UserError } from './diagnostics/user-error.ts'
import { readRuntimeAssets } from './emit/assets.ts'
import { planSite, type SitePlan } from './emit/plan-site.ts'
import { writeSite } from './emit/write-site.ts'
import { parseFrontMatter } from './load/front-matter.ts'
import { loadYaml } from './load/yaml-fields.ts'
import { readCourse, type CourseFiles } from './load/read-course.ts'
import { buildCourse } from './model/build-course.ts'
import type { Course } from './model/types.ts'
import type { Page } from './load/types.ts'
import type { SiteOptions } from './render/types.ts'
import { hasLiquid, liquidSite, loadLiquid } from './render/liquid.ts'
import { createMarkdown } from './render/markdown.ts'
import type { CourseLookup } from './render/render-env.ts'
import { renderPage, type RenderedPage } from './render/render-page.ts'

export interface BuildOptions {
  /** The folder holding the course's Markdown pages. */
  courseDir: string
  /** Where to write the site (default `_site` in the current folder). */
  outDir?: string
  /** URL path the site is served under (default `/`). */
  base?: string
  /** Dev only: open every page without passing quizzes. */
  openAll?: boolean
  /** Dev only: URL of an extra script added to every page. */
  devScript?: string | null
  /** Dev only: what earlier builds of this course left to reuse (build-cache.ts); it is updated. */
  cache?: BuildCache
  /** Dev only: the course folder as already read, instead of reading `courseDir` again. */
  files?: CourseFiles
}

export interface BuildResult {
  /** True when there are no errors (and, for `build`, the site was written). */
  ok: boolean
  /** Every error, warning and note, sorted by file and position. */
  diagnostics: Diagnostic[]
  /** The course, when it could be assembled. */
  course: Course | null
  /** Rendered pages by page id. */
  pages: Map<string, RenderedPage>
  /** The files of the site, when there were no errors. */
  plan: SitePlan | null
  /** Source text by file, for printing excerpts under diagnostics. */
  sources: Map<string, string>
}

/** Builds the course in memory; writes nothing. */
export async function compileCourse(options: BuildOptions): Promise<BuildResult> {
  const courseDir = resolve(options.courseDir)
  const site: SiteOptions = {
    base: normalizeBase(options.base ?? '/'),
    openAll: options.openAll ?? false,
    devScript: options.devScript ?? null,
  }
  const exclude = options.outDir ? [resolve(options.outDir)] : []
  const diagnostics: Diagnostic[] = []
  const pages = new Map<string, RenderedPage>()
  const result = (course: Course | null, plan: SitePlan | null): BuildResult => ({
    ok: !hasErrors(diagnostics),
    diagnostics: sortDiagnostics(diagnostics),
    course,
    pages,
    plan,
    sources,
  })

  const cache = options.cache
  if (cache) cache.lastRendered = []
  const files = options.files ?? readCourse(courseDir, exclude)
  diagnostics.push(...files.diagnostics)
  const sources = new Map(files.pages.map((f) => [f.path, f.text]))
  const loaded: Page[] = []
  for (const f of files.pages) {
    const hit = cache?.frontMatter.get(f.path)
    let parsed = hit && hit.text === f.text ? hit.parsed : parseFrontMatter(f)
    if (parsed.needsYaml) {
      await loadYaml()
      parsed = parseFrontMatter(f)
    }
    cache?.frontMatter.set(f.path, { text: f.text, parsed })
    diagnostics.push(...parsed.diagnostics)
    if (parsed.page) loaded.push(parsed.page)
  }
  if (cache) for (const path of cache.frontMatter.keys()) if (!sources.has(path)) cache.frontMatter.delete(path)
  if (files.pages.length === 0 && !hasErrors(diagnostics)) {
    diagnostics.push({
      severity: 'error',
      code: 'load/no-pages',
      message: `${courseDir} holds no Markdown pages.`,
      file: '',
      line: 0,
      column: 0,
      hint: 'Pass the folder with your .md pages, or start a course with `coursemark new DIR`.',
    })
  }
  const skeleton = buildCourse(loaded, files.statics, basename(courseDir))
  diagnostics.push(...skeleton.diagnostics)
  const course = skeleton.course
  if (!course) return result(null, null)

  const all = [course.index, ...course.sequence.map((s) => s.page)]
  let siteVar: Record<string, unknown> | null = null
  if (all.some((p) => hasLiquid(p.body))) {
    await loadLiquid()
    siteVar = liquidSite(course, site.base)
  }
  const md = cache ? (cache.md ??= createMarkdown()) : createMarkdown()
  const lookup = courseLookup(all, site.base)
  const shape = cache ? courseShape(course, all, site.base) : ''
  const renderedNow: string[] = []
  for (const page of all) {
    // A page renders the same from the same text in a course of the same shape.
    const text = sources.get(page.file) ?? ''
    const hit = cache?.rendered.get(page.id)
    if (hit && hit.text === text && hit.shape === shape) {
      pages.set(page.id, hit.page)
      diagnostics.push(...hit.diagnostics)
      continue
    }
    const own: Diagnostic[] = []
    const rendered = renderPage(md, page, lookup, siteVar, own)
    diagnostics.push(...own)
    renderedNow.push(page.id)
    if (rendered) {
      pages.set(page.id, rendered)
      cache?.rendered.set(page.id, { text, shape, page: rendered, diagnostics: own })
    } else cache?.rendered.delete(page.id)
  }
  if (cache) {
    cache.lastRendered = renderedNow
    for (const id of cache.rendered.keys()) if (!pages.has(id)) cache.rendered.delete(id)
  }
  for (const entry of course.sequence) {
    const r = pages.get(entry.page.id)
    entry.quiz = r?.quiz ?? null
    entry.noQuiz = r?.noQuiz ?? false
  }
  if (hasErrors(diagnostics)) return result(course, null)

  const plan = planSite(course, pages, readRuntimeAssets(), site)
  diagnostics.push(...plan.diagnostics)
  return result(course, hasErrors(diagnostics) ? null : plan)
}

/** Builds the course and, when it has no errors, writes the site atomically. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const outDir = resolve(options.outDir ?? '_site')
  const courseDir = resolve(options.courseDir)
  if (outDir === courseDir || courseDir.startsWith(outDir + '/')) {
    throw new UserError(`The output folder ${outDir} would hold the course itself.`, {
      hint: 'Choose an --out folder outside the course, such as `_site`.',
    })
  }
  const result = await compileCourse({ ...options, outDir })
  if (result.ok && result.plan) await writeSite(result.plan.files, outDir)
  return result
}

/** `listen` → `/listen/`; rejects what cannot be a URL path. */
export function normalizeBase(base: string): string {
  let b = base.trim()
  if (!b.startsWith('/')) b = `/${b}`
  if (!b.endsWith('/')) b = `${b}/`
  if (!/^\/(?:[A-Za-z0-9._~!$&'()*+,;=:@%-]+\/)*$/.test(b) || /\/\.\.?\//.test(b)) {
    throw new UserError(`--base ${JSON.stringify(base)} is not a URL path.`, {
      hint: 'Give the path the site is served under, such as `--base /listen/`.',
      usage: true,
    })
  }
  return b
}

function courseLookup(pages: Page[], base: string): CourseLookup {
  const pageByFile = new Map<string, Page>()
  const pageBySerial = new Map<number, Page>()
  const pageByUrl = new Map<string, Page>()
  for (const p of pages) {
    pageByFile.set(p.file, p)
    if (p.front.serial !== null) pageBySerial.set(p.front.serial, p)
    const url = base + p.path
    pageByUrl.set(url, p)
    if (p.path) {
      pageByUrl.set(url.slice(0, -1), p)
      pageByUrl.set(`${url.slice(0, -1)}.html`, p)
    } else {
      pageByUrl.set(`${base}index.html`, p)
      if (base !== '/') pageByUrl.set(base.slice(0, -1), p)
    }
  }
  return { base, pageByFile, pageBySerial, pageByUrl }
}
