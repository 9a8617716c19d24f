/**
 * `imsmanifest.xml`, which tells the LMS what the package is: one
 * organization with one item, played by one resource, a SCO (it talks to
 * the LMS) whose launch file is the launch page, listing every file of the
 * course. No LOM metadata: `<schema>` and `<schemaversion>` are all an LMS
 * reads, and the content packaging schema allows leaving the rest out.
 *
 * 2004's item says that the content, not the LMS's sequencing, sets
 * completion and success.
 */
import { escapeHtml as escapeXml } from '../../render/escape.ts'
import { FORMATS, type PackageFormat } from './package-format.ts'

export interface ManifestInput {
  format: PackageFormat
  /** The manifest's identifier: an XML name (letters, digits, `.`, `-`, `_`, not starting with a digit). */
  identifier: string
  /** Changes whenever the pages, the scripts or the list of files do. */
  version: string
  /** The course title, as text. */
  title: string
  /** The launch file, relative to the package root. */
  launch: string
  /** Every file of the course, relative to the package root, sorted. */
  files: readonly string[]
}

const NAMESPACES = {
  scorm12: [
    'xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"',
    'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"',
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    'xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd"',
  ],
  scorm2004: [
    'xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"',
    'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"',
    'xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"',
    'xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"',
    'xmlns:imsss="http://www.imsglobal.org/xsd/imsss"',
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    'xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd"',
  ],
} satisfies Record<PackageFormat, string[]>

export function imsManifest(input: ManifestInput): string {
  const title = escapeXml(input.title)
  const href = (path: string) => escapeXml(encodeURI(path))
  const is2004 = input.format === 'scorm2004'
  const item = is2004
    ? [
        `      <item identifier="item" identifierref="sco">`,
        `        <title>${title}</title>`,
        `        <imsss:sequencing>`,
        `          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>`,
        `        </imsss:sequencing>`,
        `      </item>`,
      ]
    : [
        `      <item identifier="item" identifierref="sco" isvisible="true">`,
        `        <title>${title}</title>`,
        `      </item>`,
      ]
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<manifest identifier="${escapeXml(input.identifier)}" version="${escapeXml(input.version)}"`,
    ...NAMESPACES[input.format].map((ns, i, all) => `  ${ns}${i === all.length - 1 ? '>' : ''}`),
    `  <metadata>`,
    `    <schema>ADL SCORM</schema>`,
    `    <schemaversion>${FORMATS[input.format].schemaVersion}</schemaversion>`,
    `  </metadata>`,
    `  <organizations default="course">`,
    `    <organization identifier="course">`,
    `      <title>${title}</title>`,
    ...item,
    `    </organization>`,
    `  </organizations>`,
    `  <resources>`,
    `    <resource identifier="sco" type="webcontent" ${is2004 ? 'adlcp:scormType' : 'adlcp:scormtype'}="sco" href="${href(input.launch)}">`,
    ...input.files.map((f) => `      <file href="${href(f)}"/>`),
    `    </resource>`,
    `  </resources>`,
    `</manifest>`,
    ``,
  ].join('\n')
}

/** An XML name for the manifest made from a course id. */
export function manifestIdentifier(courseId: string): string {
  return `coursemark.${courseId.replace(/[^A-Za-z0-9._-]/g, '_')}`
}
