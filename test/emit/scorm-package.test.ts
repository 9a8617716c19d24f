/**
 * What `coursemark package` puts in the zip, for both formats: a manifest
 * that validates against ADL's schemas and lists every file of the course,
 * the schemas beside it, pages whose every URL is relative and names a file
 * of the package, a launch page allowed to frame them, and the same bytes
 * from the same course.
 */
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { DomUtils, parseDocument } from 'htmlparser2'
import { cli, ROOT, tempPath } from '../helpers/course.ts'
import {
  assertRelativeUrls,
  FORMATS,
  type Format,
  manifestErrors,
  makePackage,
  type Package,
  readPackage,
  schemaNames,
} from '../helpers/scorm-package.ts'

const SAMPLE = join(ROOT, 'example')
const XSD = join(ROOT, 'src', 'emit', 'scorm', 'xsd')

/** The `<file href>` values of a manifest, and its resource's launch `href`. */
function manifestFiles(xml: string): { launch: string; files: string[] } {
  const doc = parseDocument(xml, { xmlMode: true })
  const resource = DomUtils.findOne((e) => e.name === 'resource', doc.children)
  assert.ok(resource, 'the manifest has a resource')
  const files = DomUtils.findAll((e) => e.name === 'file', doc.children).map((e) => decodeURI(e.attribs.href ?? ''))
  return { launch: resource.attribs.href ?? '', files }
}

for (const format of FORMATS) {
  describe(`coursemark package --format ${format}`, () => {
    let made: Package | undefined
    const pkg = () => (made ??= makePackage(SAMPLE, format))

    test('the manifest validates against the schemas of its SCORM version', async () => {
      assert.equal(await manifestErrors(pkg().text('imsmanifest.xml'), format), '')
    })

    test('a manifest with a misspelt SCO type does not validate (the check can fail)', async () => {
      const bad = pkg()
        .text('imsmanifest.xml')
        .replace(/(adlcp:scorm[tT]ype)="sco"/, '$1="scoo"')
      assert.match(await manifestErrors(bad, format), /scoo/)
    })

    test('the manifest names the SCORM version and launches scorm.html as one SCO', () => {
      const xml = pkg().text('imsmanifest.xml')
      const version = format === 'scorm12' ? '1.2' : '2004 4th Edition'
      assert.match(xml, new RegExp(`<schemaversion>${version}</schemaversion>`))
      assert.equal(xml.match(/<item /g)?.length, 1, 'one item')
      assert.equal(xml.match(/<resource /g)?.length, 1, 'one resource')
      assert.match(xml, /type="webcontent" adlcp:scorm[tT]ype="sco" href="scorm.html"/)
      assert.equal(manifestFiles(xml).launch, 'scorm.html')
    })

    test('the manifest lists every file of the course, and the zip holds every file it lists', () => {
      const { files } = manifestFiles(pkg().text('imsmanifest.xml'))
      const control = new Set(['imsmanifest.xml', ...schemaNames(format)])
      const course = [...pkg().files.keys()].filter((f) => !control.has(f)).sort()
      assert.deepEqual([...files].sort(), course)
      assert.ok(files.includes('scorm.html') && files.includes('index.html'))
      assert.ok(
        files.some((f) => /^assets\/coursemark-launch\.[0-9a-f]+\.js$/.test(f)),
        'the launch script',
      )
    })

    test('the schemas the manifest names are at the zip root, byte for byte as shipped', () => {
      for (const name of schemaNames(format)) {
        const shipped = readFileSync(join(XSD, format, name))
        assert.ok(Buffer.from(pkg().files.get(name) ?? []).equals(shipped), `${name} at the root`)
      }
      for (const named of pkg()
        .text('imsmanifest.xml')
        .matchAll(/ (\S+\.xsd)/g)) {
        assert.ok(pkg().files.has(named[1]!), `${named[1]} named by xsi:schemaLocation is in the zip`)
      }
    })

    test('every URL in the pages is relative and names a file of the package', () => {
      assert.ok(assertRelativeUrls(pkg()) > 50)
    })

    test('the launch page may frame the package pages, and says which API to look for', () => {
      const launch = pkg().text('scorm.html')
      assert.match(launch, /Content-Security-Policy" content="default-src 'none';[^"]*frame-src 'self'/)
      assert.match(launch, new RegExp(`data-cm-scorm="${format === 'scorm12' ? '1.2' : '2004'}"`))
      assert.match(launch, /<iframe id="cm-launch-frame" title="Listening Basics" hidden><\/iframe>/)
      for (const page of ['index.html', 'staying-safe/index.html'])
        assert.doesNotMatch(pkg().text(page), /frame-src/, `${page} frames nothing`)
    })

    test('unzip reads the zip without an error', (t) => {
      const r = spawnSync('unzip', ['-tq', pkg().zip], { encoding: 'utf8' })
      if (r.error) return t.skip('unzip is not installed')
      assert.equal(r.status, 0, r.stdout + r.stderr)
    })
  })
}

test('the same course makes the same zip, byte for byte, in any time zone', () => {
  const sha = (pkg: Package) => createHash('sha256').update(readFileSync(pkg.zip)).digest('hex')
  const zones = ['UTC', 'Pacific/Kiritimati', 'America/New_York'].map((TZ) => {
    const out = tempPath('same.zip')
    const r = cli(['package', SAMPLE, '--format', 'scorm12', '--out', out], { env: { TZ } })
    assert.equal(r.code, 0, r.stderr)
    return sha(readPackage(out))
  })
  assert.equal(new Set(zones).size, 1)
})

test('the schema files are the ones the README beside them lists', () => {
  const readme = readFileSync(join(XSD, 'README.md'), 'utf8')
  const listed = [...readme.matchAll(/^([0-9a-f]{64}) {2}(\S+)$/gm)].map((m): [string, string] => [m[2]!, m[1]!])
  const shipped = (['scorm12', 'scorm2004'] as Format[]).flatMap((f) => schemaNames(f).map((n) => `${f}/${n}`))
  assert.deepEqual(listed.map(([name]) => name).sort(), shipped.sort())
  for (const [name, sum] of listed)
    assert.equal(
      createHash('sha256')
        .update(readFileSync(join(XSD, name)))
        .digest('hex'),
      sum,
      name,
    )
})
