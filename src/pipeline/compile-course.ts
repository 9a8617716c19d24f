/**
 * The pipeline: a course folder in, the site's files out, nothing written.
 * Each stage is a function in the folder of its layer; it takes what earlier
 * stages made and returns something new (no stage changes what an earlier
 * one made), with the diagnostics it found. The stages, in order:
 *
 *   stage             function        file                      makes
 *   1 load files      readCourse      load/read-course.ts       CourseFiles: each page's text, the static files
 *   2 front matter    readPages       load/read-pages.ts        Page[]: front matter checked, body split off
 *   3 course outline  outlineCourse   model/outline-course.ts   CourseOutline: index, chapters, sections in order
 *   4 messages        resolveMessages messages/course-messages.ts  CourseMessages: the interface's words per language
 *   5 parse           parsePages      render/parse-pages.ts     tokens and decoded quiz per page; with 3, the Course
 *   6 render          renderPages     render/render-pages.ts    RenderedPage per page: body HTML, links, headings
 *   7 plan site       planSite        emit/plan-site.ts         SitePlan: every file of the site, page layout and all
 *
 * Stages 4 to 6 run on every page whose body is known, even when stage 2
 * or 3 found errors, so one run reports every page's own mistakes; the
 * site is planned only when nothing failed.
 *
 * `build` (build.ts) then writes the plan (emit/write-site.ts); `check`
 * runs check/ on the course and the rendered pages; `dev` passes a
 * BuildCache so that stages 2, 5 and 6 redo only what an edit touched.
 */
import { basename, resolve } from 'node:path'
import { type Diagnostic, hasErrors, sortDiagnostics } from '../diagnostics/diagnostic.ts'
import { readRuntimeAssets } from '../emit/assets.ts'
import { fileRevisions } from '../emit/file-revisions.ts'
import { planSite, type SitePlan } from '../emit/plan-site.ts'
import { type CourseFiles, readCourse } from '../load/read-course.ts'
import { readPages } from '../load/read-pages.ts'
import { type CourseMessages, resolveMessages } from '../messages/course-messages.ts'
import { courseWithQuizzes } from '../model/course-with-quizzes.ts'
import { outlineCourse } from '../model/outline-course.ts'
import type { Course } from '../model/types.ts'
import { createMarkdown } from '../render/markdown.ts'
import { parsePages } from '../render/parse-pages.ts'
import type { RenderedPage } from '../render/render-page.ts'
import { renderPages } from '../render/render-pages.ts'
import type { BuildCache } from './build-cache.ts'
import { siteOptions } from './site-options.ts'

export interface BuildOptions {
  /** The folder holding the course's Markdown pages. */
  courseDir: string
  /** Where to write the site (default `_site` in the current folder). */
  outDir?: string
  /** URL path the site is served under (default `/`). */
  base?: string
  /** Build an LMS package's pages (package.ts): relative URLs, progress in the LMS. */
  lms?: boolean
  /** Dev only: open every page without passing quizzes. */
  openAll?: boolean
  /** Dev only: URL of an extra script added to every page. */
  devScript?: string | null
  /** Dev only: what earlier builds of this course left to reuse (build-cache.ts); it is updated. */
  cache?: BuildCache
  /** Dev only: the course folder as already read, instead of reading `courseDir` again. */
  files?: CourseFiles
  /** Told as each page is parsed and rendered, and (by `build`) as each file is written. */
  progress?: BuildProgress
}

/** Progress of a build: how many of `total` pages (or files) a step has done so far. */
export type BuildProgress = (step: 'parse' | 'render' | 'write', done: number, total: number) => void

export interface BuildResult {
  /** True when there are no errors (and, for `build`, the site was written). */
  ok: boolean
  /** Every error, warning and note, sorted by file and position. */
  diagnostics: Diagnostic[]
  /** The course with its quizzes, when the pages make one. */
  course: Course | null
  /** Rendered pages by page id: their HTML and what rendering found (links, headings) for `check`. */
  pages: Map<string, RenderedPage>
  /** The files of the site, when there were no errors. */
  plan: SitePlan | null
  /** Source text by file, for printing excerpts under diagnostics. */
  sources: Map<string, string>
  /** Paths of the course's static files (images, downloads), relative to the course folder. */
  statics: string[]
  /** Ids of the pages this build rendered; with a cache, the others were rendered by an earlier build. */
  renderedNow: string[]
  /** The interface's words in each language of the course's pages, once the front matter is read. */
  messages: CourseMessages | null
}

/** Builds the course in memory: runs the stages in order and writes nothing. */
export async function compileCourse(options: BuildOptions): Promise<BuildResult> {
  const courseDir = resolve(options.courseDir)
  const site = siteOptions(options)
  const cache = options.cache ?? null
  const found = new Findings()

  const files = found.add(options.files ?? readCourse(courseDir, options.outDir ? [resolve(options.outDir)] : []))
  const sources = new Map(files.pages.map((f) => [f.path, f.text]))
  const staticPaths = files.statics.map((f) => f.path)
  const { pages, drafts } = found.add(await readPages(files, cache?.frontMatter))
  const { outline, reading } = found.add(outlineCourse(pages, files.statics, basename(courseDir)))

  // Stages 4 to 6 run whatever the outline found: a page's own mistakes
  // (banks, attribute lists, Liquid, HTML, the index's ui:) do not depend on the course order.
  const md = cache?.md ?? createMarkdown()
  const order = { ...reading, unlisted: drafts }
  const { messages } = found.add(resolveMessages(order))
  const parsed = found.add(
    await parsePages(order, {
      md,
      site,
      messages,
      texts: sources,
      cache: cache?.parsed ?? null,
      progress: stepProgress(options.progress, 'parse'),
    }),
  )
  const course = outline ? courseWithQuizzes(outline, parsed.quizzes) : null
  const rendered = found.add(
    await renderPages(
      [...order.pages, ...order.unlisted],
      parsed.pages,
      md,
      cache?.rendered,
      stepProgress(options.progress, 'render'),
    ),
  )
  if (found.hasErrors() || !course) return found.result({ course, sources, statics: staticPaths, rendered, messages })

  // dev and LMS packages have no service worker, so they need not read every static file for the worker's list.
  const statics = site.devScript || site.lms ? null : fileRevisions(course.statics)
  const plan = found.add(
    planSite(course, {
      rendered: rendered.pages,
      runtime: readRuntimeAssets(site.lms),
      options: site,
      statics,
      messages,
    }),
  )
  return found.result({ course, sources, statics: staticPaths, rendered, plan, messages })
}

/** One step's share of `progress`, for a stage that takes `(done, total)`. */
export function stepProgress(
  progress: BuildProgress | undefined,
  step: Parameters<BuildProgress>[0],
): ((done: number, total: number) => void) | undefined {
  return progress && ((done, total) => progress(step, done, total))
}

/** The diagnostics of every stage, gathered in stage order, and the result they make. */
class Findings {
  private readonly diagnostics: Diagnostic[] = []

  /** Keeps a stage's diagnostics and hands its output on. */
  add<T extends { diagnostics: Diagnostic[] }>(output: T): T {
    this.diagnostics.push(...output.diagnostics)
    return output
  }

  hasErrors(): boolean {
    return hasErrors(this.diagnostics)
  }

  result(made: {
    course: Course | null
    sources: Map<string, string>
    statics: string[]
    rendered?: { pages: Map<string, RenderedPage>; renderedNow: string[] }
    plan?: SitePlan
    messages?: CourseMessages
  }): BuildResult {
    // Pages that make no course always come with an error saying why.
    const ok = !this.hasErrors() && made.course !== null
    return {
      ok,
      diagnostics: sortDiagnostics(this.diagnostics),
      course: made.course,
      pages: made.rendered?.pages ?? new Map(),
      plan: ok ? (made.plan ?? null) : null,
      sources: made.sources,
      statics: made.statics,
      renderedNow: made.rendered?.renderedNow ?? [],
      messages: made.messages ?? null,
    }
  }
}
