/**
 * Stage 2, front matter: each page's front matter read and checked, and its
 * body split off (front-matter.ts). The `yaml` library is loaded only when a
 * page needs more than simple-yaml.ts reads. With a cache, a page whose text
 * has not changed since the last build is not read again.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import { type FrontMatterResult, parseFrontMatter } from './front-matter.ts'
import type { CourseFiles } from './read-course.ts'
import type { Page, SourceFile } from './types.ts'
import { loadYaml } from './yaml-fields.ts'

/** What each page's text gave, by file path; `dev` keeps one across builds. */
export type FrontMatterCache = Map<string, { text: string; result: FrontMatterResult }>

export interface ReadPages {
  /** The pages whose front matter is usable, in file order. */
  pages: Page[]
  /** The pages whose front matter is not, but whose body is known, in file order: their bodies are still checked. */
  drafts: Page[]
  /** Every problem found in any page's front matter. */
  diagnostics: Diagnostic[]
}

/** Reads the front matter of every page in `files`. */
export async function readPages(files: CourseFiles, cache: FrontMatterCache | null = null): Promise<ReadPages> {
  const pages: Page[] = []
  const drafts: Page[] = []
  const diagnostics: Diagnostic[] = []
  for (const file of files.pages) {
    const result = await frontMatterOf(file, cache)
    diagnostics.push(...result.diagnostics)
    if (result.page) pages.push(result.page)
    else if (result.draft) drafts.push(result.draft)
  }
  if (cache) {
    const present = new Set(files.pages.map((f) => f.path))
    for (const path of cache.keys()) if (!present.has(path)) cache.delete(path)
  }
  return { pages, drafts, diagnostics }
}

async function frontMatterOf(file: SourceFile, cache: FrontMatterCache | null): Promise<FrontMatterResult> {
  const hit = cache?.get(file.path)
  let result = hit && hit.text === file.text ? hit.result : parseFrontMatter(file)
  if (result.needsYaml) {
    await loadYaml()
    result = parseFrontMatter(file)
  }
  cache?.set(file.path, { text: file.text, result })
  return result
}
