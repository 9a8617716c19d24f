/**
 * LMS packages in tests: make one with the real CLI, read the zip back, and
 * validate its manifest against the ADL/IMS schemas it ships.
 *
 * Validation goes through a small driver schema that imports every
 * namespace the manifest uses: the content packaging schema accepts
 * `adlcp:*` and `imsss:*` laxly, so validating against it alone would let a
 * misspelt `adlcp:scormtype` value pass, and libxml2 does not follow the
 * manifest's own `xsi:schemaLocation`. xmllint-wasm uses one `--schema`, so
 * the real files are preloaded beside the driver.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import assert from 'node:assert/strict'
import { join, posix } from 'node:path'
import { unzipSync } from 'fflate'
import { DomUtils, parseDocument } from 'htmlparser2'
import { cli, ROOT } from './course.ts'
import { tempDir } from './temp.ts'

export type Format = 'scorm12' | 'scorm2004'
export const FORMATS: Format[] = ['scorm12', 'scorm2004']

const XSD = join(ROOT, 'src', 'emit', 'scorm', 'xsd')

/** A package made by `coursemark package`: the zip and its files by path. */
export interface Package {
  zip: string
  files: Map<string, Uint8Array>
  /** A file's text. */
  text: (path: string) => string
}

/** Runs `coursemark package course --format format` into a new temporary zip; fails with the CLI's output. */
export function makePackage(course: string, format: Format, extra: string[] = []): Package {
  const zip = join(tempDir('cm-pkg-'), `${format}.zip`)
  const r = cli(['package', course, '--format', format, '--out', zip, ...extra])
  if (r.code !== 0) throw new Error(`coursemark package exited ${r.code}:\n${r.stderr}`)
  return readPackage(zip)
}

export function readPackage(zip: string): Package {
  const files = new Map(Object.entries(unzipSync(new Uint8Array(readFileSync(zip)))))
  return {
    zip,
    files,
    text: (path) => {
      const bytes = files.get(path)
      if (!bytes) throw new Error(`${path} is not in ${zip}`)
      return new TextDecoder().decode(bytes)
    },
  }
}

/**
 * Asserts that every URL an HTML file of the package loads or links to is
 * relative and names a file of the package (or is a fragment, a `data:` URL
 * or another site); returns how many URLs were checked.
 */
export function assertRelativeUrls(pkg: Package): number {
  let checked = 0
  for (const file of pkg.files.keys()) {
    if (!file.endsWith('.html')) continue
    for (const e of DomUtils.findAll(() => true, parseDocument(pkg.text(file)).children)) {
      for (const url of [e.attribs.href, e.attribs.src]) {
        if (url === undefined || /^(https?:|data:|#)/.test(url)) continue
        checked++
        assert.ok(!url.startsWith('/'), `${file}: ${url} is relative`)
        const target = posix.normalize(posix.join(posix.dirname(file), decodeURI(url.replace(/[?#].*$/, ''))))
        assert.ok(pkg.files.has(target), `${file}: ${url} names ${target}, a file of the package`)
      }
    }
  }
  return checked
}

/** The schema files shipped for `format`, by file name. */
export function schemaNames(format: Format): string[] {
  return readdirSync(join(XSD, format)).sort()
}

const NAMESPACES: Record<Format, Record<string, string>> = {
  // imsmd_rootv1p2p1.xsd does not compile in libxml2 (a non-deterministic content model); the manifest has no IMS MD.
  scorm12: {
    'http://www.imsproject.org/xsd/imscp_rootv1p1p2': 'imscp_rootv1p1p2.xsd',
    'http://www.adlnet.org/xsd/adlcp_rootv1p2': 'adlcp_rootv1p2.xsd',
  },
  scorm2004: {
    'http://www.imsglobal.org/xsd/imscp_v1p1': 'imscp_v1p1.xsd',
    'http://www.adlnet.org/xsd/adlcp_v1p3': 'adlcp_v1p3.xsd',
    'http://www.adlnet.org/xsd/adlseq_v1p3': 'adlseq_v1p3.xsd',
    'http://www.adlnet.org/xsd/adlnav_v1p3': 'adlnav_v1p3.xsd',
    'http://www.imsglobal.org/xsd/imsss': 'imsss_v1p0.xsd',
  },
}

type Validate = (options: unknown) => Promise<{ valid: boolean; rawOutput: string; errors: { rawMessage: string }[] }>

/** Validates `xml` against the schemas of `format`: `''` when valid, else xmllint's messages. */
export async function manifestErrors(xml: string, format: Format): Promise<string> {
  const { validateXML } = createRequire(import.meta.url)('xmllint-wasm') as { validateXML: Validate }
  const driver = `<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:coursemark:driver">
${Object.entries(NAMESPACES[format])
  .map(([ns, file]) => `  <xs:import namespace="${ns}" schemaLocation="${file}"/>`)
  .join('\n')}
</xs:schema>`
  const preload = schemaNames(format).map((name) => {
    // ims_xml.xsd makes the xml namespace its default, which libxml2 reports as an error; W3C's xml.xsd says the same properly.
    const from = name === 'ims_xml.xsd' ? join(XSD, 'scorm2004', 'xml.xsd') : join(XSD, format, name)
    return { fileName: name, contents: readFileSync(from, 'utf8') }
  })
  const r = await validateXML({
    xml: [{ fileName: 'imsmanifest.xml', contents: xml }],
    schema: [{ fileName: 'driver.xsd', contents: driver }],
    preload,
  })
  return r.valid ? '' : r.errors.map((e) => e.rawMessage).join('\n') || r.rawOutput
}
