/**
 * What users download and keep: the tarball `npm pack` makes, and the
 * folder a global install of it leaves (every file's bytes, as `du -b`
 * counts them). coursemark has no dependencies, so that folder is all of it.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './courses.ts'
import { formatBytes, judge, type Row } from './table.ts'

/** Budgets of the packaging issue (#14). */
export const PACKAGE_BUDGET = { tarballBytes: 400_000, installedBytes: 3_000_000 }

export type PackageSize = { ok: true; tarball: number; installed: number; files: number } | { ok: false; why: string }

/** Packs the built package and installs the tarball into a prefix under `scratch`. */
export function measurePackage(scratch: string): PackageSize {
  const dir = join(scratch, 'package')
  const prefix = join(dir, 'prefix')
  mkdirSync(dir, { recursive: true })
  const npm = (args: string[]) =>
    spawnSync('npm', args, {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, npm_config_cache: join(dir, 'npm-cache'), npm_config_update_notifier: 'false' },
    })
  const pack = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', dir])
  if (pack.status !== 0) return { ok: false, why: `npm pack failed: ${pack.stderr.trim().split('\n')[0]}` }
  const [packed] = JSON.parse(pack.stdout) as { filename: string; size: number }[]
  const tgz = join(dir, packed!.filename)
  const install = npm(['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tgz])
  if (install.status !== 0) return { ok: false, why: `npm install failed: ${install.stderr.trim().split('\n')[0]}` }
  const installed = folderBytes(join(prefix, 'lib', 'node_modules', 'coursemark'))
  return { ok: true, tarball: statSync(tgz).size, installed: installed.bytes, files: installed.files }
}

function folderBytes(dir: string): { bytes: number; files: number } {
  let bytes = 0
  let files = 0
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue
    bytes += statSync(join(e.parentPath, e.name)).size
    files++
  }
  return { bytes, files }
}

export function packageRows(size: PackageSize): Row[] {
  if (!size.ok)
    return ['tarball', 'installed'].map((what) => ({
      name: `npm package, ${what}`,
      coursemark: size.why,
      others: '—',
      measured: '—',
      budget: `≤ ${formatBytes(what === 'tarball' ? PACKAGE_BUDGET.tarballBytes : PACKAGE_BUDGET.installedBytes)}`,
      verdict: 'not measured',
    }))
  return [
    {
      name: 'npm package, tarball (npm pack)',
      coursemark: formatBytes(size.tarball),
      others: '—',
      measured: formatBytes(size.tarball),
      budget: `≤ ${formatBytes(PACKAGE_BUDGET.tarballBytes)}`,
      verdict: judge(size.tarball, PACKAGE_BUDGET.tarballBytes),
    },
    {
      name: 'npm package, installed (npm i -g)',
      coursemark: `${formatBytes(size.installed)} in ${size.files} files, no dependencies`,
      others: '—',
      measured: formatBytes(size.installed),
      budget: `≤ ${formatBytes(PACKAGE_BUDGET.installedBytes)}`,
      verdict: judge(size.installed, PACKAGE_BUDGET.installedBytes),
    },
  ]
}
