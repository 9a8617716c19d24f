/** The LMS package formats `coursemark package` makes, and what each one's files say. */

export const PACKAGE_FORMATS = ['scorm12', 'scorm2004'] as const

export type PackageFormat = (typeof PACKAGE_FORMATS)[number]

export interface FormatInfo {
  /** The SCORM version, as the launch page's `data-cm-scorm` names it for the runtime. */
  version: '1.2' | '2004'
  /** `<schemaversion>` in the manifest. */
  schemaVersion: '1.2' | '2004 4th Edition'
  /** The folder of xsd/ whose files go at the package root. */
  schemaDir: 'scorm12' | 'scorm2004'
}

export const FORMATS: Record<PackageFormat, FormatInfo> = {
  scorm12: { version: '1.2', schemaVersion: '1.2', schemaDir: 'scorm12' },
  scorm2004: { version: '2004', schemaVersion: '2004 4th Edition', schemaDir: 'scorm2004' },
}

export function isPackageFormat(name: string): name is PackageFormat {
  return (PACKAGE_FORMATS as readonly string[]).includes(name)
}
