/**
 * The runtime manifest (page-contract.ts), built into the hashed script so
 * every page knows the course before it paints; the messages each script
 * says, in its pages' language; and the build's version.
 */
import type { CourseMessages, Messages } from '../messages/course-messages.ts'
import { compileMessage } from '../messages/format-message.ts'
import { languageDigits } from '../messages/language-digits.ts'
import { hexHashOf } from '../model/hash.ts'
import type { Course } from '../model/types.ts'
import type { RuntimeManifest } from '../page-contract.ts'
import type { RenderedPage } from '../render/render-page.ts'
import { pageUrls } from '../render/site-urls.ts'
import type { SiteOptions } from '../render/types.ts'
import type { RuntimeAssets } from './assets.ts'
import { keyLength } from './page-keys.ts'

const MANIFEST_SLOT = '__CM_MANIFEST__'

/** The URLs a manifest names; null for a manifest only hashed into the build's version. */
export type ManifestLinks = Pick<RuntimeManifest, 'extras' | 'record' | 'worker'>

/** What every page's script knows about the course before the page paints. */
export function manifestOf(course: Course, options: SiteOptions, links: ManifestLinks | null): RuntimeManifest {
  // From the index: absolute URLs, or URLs relative to the site root.
  const urls = pageUrls(options, '')
  return {
    v: 1,
    course: course.id,
    keyLength: keyLength(course.sequence.map((p) => p.page.id)),
    ...(links ?? { extras: { js: '', css: '' }, record: '', worker: null }),
    base: options.urls === 'absolute' ? options.base : '',
    ...(options.urls === 'relative' ? { index: urls.page('') } : {}),
    ...(options.lms ? { lms: true } : {}),
    ...(options.openAll ? { openAll: true as const } : {}),
    pages: course.sequence.map((p) => ({
      id: p.page.id,
      url: urls.page(p.page.path),
      kind: p.page.front.kind === 'chapter' ? 'c' : 's',
    })),
  }
}

/** The runtime script (its messages put in by `withMessages` first) with `manifest` in its slot. */
export function withManifest(js: string, manifest: RuntimeManifest): string {
  const at = js.indexOf(MANIFEST_SLOT)
  if (at < 0 || js.indexOf(MANIFEST_SLOT, at + 1) >= 0)
    throw new Error(`the runtime bundle must refer to ${MANIFEST_SLOT} exactly once`)
  // A page's URL is left out when the runtime can make it (`<base><id>/`), and a section's kind, the
  // usual one: a long course's script is shorter.
  const pages = manifest.pages.map((p) => ({
    ...p,
    url: p.url === defaultUrl(manifest.base, p.id) ? undefined : p.url,
    kind: p.kind === 's' ? undefined : p.kind,
  }))
  // JSON is a JavaScript expression; </script> cannot occur in an external file's context.
  return js.slice(0, at) + JSON.stringify({ ...manifest, pages }) + js.slice(at + MANIFEST_SLOT.length)
}

/**
 * A script (the runtime, or its extras) with each message key it names
 * (`"quiz.score"`) replaced by the message in the language of `ui`,
 * compiled for the runtime (src/runtime/messages.ts). One pass, so that no
 * message is taken for a key; done before the manifest goes in, so that no
 * page id is either.
 */
export function withMessages(js: string, ui: Messages): string {
  return js
    .replace(KEY_STRING, (whole, key: string) => {
      const message = ui.byKey.get(key)
      // An author's message could hold the manifest's slot name: written `\u005f`, it is no slot.
      return message ? JSON.stringify(compileMessage(message)).replace(/__CM_/g, '\\u005f_CM_') : whole
    })
    .replace(DIGITS_SLOT, () => JSON.stringify(languageDigits(ui.lang)))
}

/** Where the runtime's number formatting takes the language's digits (src/runtime/messages.ts). */
const DIGITS_SLOT = /\b__CM_DIGITS__\b/g

/** A message key as the minified runtime writes it: a double-quoted `group.name`. */
const KEY_STRING = /"([a-z]+\.[A-Za-z]+)"/g

/** The URL of page `id` when the manifest leaves it out, as the runtime's main.ts makes it. */
function defaultUrl(base: string, id: string): string {
  return `${base}${encodeURI(id)}/`
}

/**
 * The course version the completion record names: a hash of what makes the
 * site (every page as rendered, the files copied, the runtime, the options),
 * so that any change to the course or to coursemark makes a new one.
 */
export function buildVersion(
  course: Course,
  rendered: ReadonlyMap<string, RenderedPage>,
  runtime: RuntimeAssets,
  options: SiteOptions,
  messages: CourseMessages,
): string {
  const words = [...messages.byLang.values()].map((ui) => [ui.lang, [...ui.byKey]])
  const parts = [
    runtime.js,
    runtime.indexJs,
    runtime.extras.js,
    runtime.extras.css,
    JSON.stringify(runtime.css),
    runtime.worker,
    runtime.first.gate,
    runtime.first.draw,
    JSON.stringify(words),
  ]
  parts.push(JSON.stringify(manifestOf(course, options, null)))
  for (const page of [course.index, ...course.sequence.map((p) => p.page)])
    parts.push(page.path, rendered.get(page.id)?.html ?? '')
  for (const s of course.statics) parts.push(s.path)
  return hexHashOf(parts)
}
