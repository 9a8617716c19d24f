/**
 * An LMS package planned from a site planned in the relative URL mode
 * (plan-site.ts): the site's files, plus the launch page and its script,
 * `imsmanifest.xml` listing them all, and the SCORM schemas it names, at the
 * package root. Pure apart from listing the schema files; zip-package.ts
 * writes it.
 */
import { error, type Diagnostic } from '../diagnostics/diagnostic.ts'
import type { Messages } from '../messages/course-messages.ts'
import { hexHash } from '../model/hash.ts'
import type { Course } from '../model/types.ts'
import { titleText } from '../render/title.ts'
import { readLaunchScript, schemaFiles } from './assets.ts'
import type { SiteFile, SitePlan } from './plan-site.ts'
import { withMessages } from './runtime-manifest.ts'
import { imsManifest, manifestIdentifier } from './scorm/ims-manifest.ts'
import { LAUNCH_PAGE, launchPage } from './scorm/launch-page.ts'
import { FORMATS, type PackageFormat } from './scorm/package-format.ts'

/** The manifest's file name, which SCORM fixes. */
export const MANIFEST = 'imsmanifest.xml'

export interface PackagePlan {
  /** Every file of the package, by path relative to its root. */
  files: Map<string, SiteFile>
  /** The files of the course the manifest lists: the site's, the launch page and its script. */
  courseFiles: string[]
  diagnostics: Diagnostic[]
}

/** The package of `course`, whose site is `site`; `ui` is the course language's messages (the launch page's). */
export function planPackage(course: Course, site: SitePlan, format: PackageFormat, ui: Messages): PackagePlan {
  const info = FORMATS[format]
  const files = new Map(site.files)
  const diagnostics: Diagnostic[] = []
  const script = withMessages(readLaunchScript(), ui)
  const scriptPath = `assets/coursemark-launch.${hexHash(script)}.js`
  const title = titleText(course.title, ui)
  const added: SiteFile[] = [
    { path: scriptPath, data: script },
    { path: LAUNCH_PAGE, data: launchPage({ title, ui, version: info.version, script: scriptPath }) },
  ]
  const schemas: SiteFile[] = schemaFiles(info.schemaDir).map((s) => ({ path: s.name, copyFrom: s.absPath }))
  for (const file of [...added, ...schemas, { path: MANIFEST, data: '' }]) {
    const clash = course.statics.find((s) => s.path === file.path)
    if (clash) diagnostics.push(packageClash(file.path))
    files.set(file.path, file)
  }
  const courseFiles = [...site.files.keys(), ...added.map((f) => f.path)].sort()
  files.set(MANIFEST, {
    path: MANIFEST,
    data: imsManifest({
      format,
      identifier: manifestIdentifier(course.id),
      version: hexHash(JSON.stringify([...files.values()].map(fingerprint))),
      title,
      launch: LAUNCH_PAGE,
      files: courseFiles,
    }),
  })
  return { files, courseFiles, diagnostics }
}

/** A file as the manifest's version knows it: its path, and a hash of its text when coursemark wrote it. */
function fingerprint(file: SiteFile): [string, string] {
  return [file.path, 'data' in file ? hexHash(file.data) : '']
}

function packageClash(path: string): Diagnostic {
  return error({
    code: 'site/path-clash',
    message: `${path} clashes with a file coursemark puts in an LMS package.`,
    file: path,
    line: 0,
    column: 0,
    hint: 'Rename or move this file.',
  })
}
