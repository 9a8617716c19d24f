/**
 * Where the course's pages are. A web site's manifest holds absolute paths;
 * an LMS package's holds paths relative to the site root, since the LMS
 * serves the package from a folder of its own choosing. The runtime finds
 * that folder from its own script, which the build puts in `assets/` under
 * the root, and makes every URL absolute before anything uses one.
 */
import type { RuntimeManifest } from '../page-contract.ts'

/** The manifest with absolute URLs; `scriptUrl` is the address this script was loaded from. */
export function resolveManifest(manifest: RuntimeManifest, scriptUrl: string): RuntimeManifest {
  if (manifest.base !== '') return manifest
  const root = new URL('../', scriptUrl)
  const at = (url: string) => new URL(url, root).href
  return {
    ...manifest,
    base: root.href,
    index: at(manifest.index ?? 'index.html'),
    extras: { js: at(manifest.extras.js), css: at(manifest.extras.css) },
    record: at(manifest.record),
    worker: manifest.worker === null ? null : at(manifest.worker),
    // A package's manifest names every page's URL (none is `<base><id>/`).
    pages: manifest.pages.map((page) => ({ ...page, url: at(page.url) })),
  }
}

/** The course index's URL: an LMS package's `index`, or a web site's base. */
export function indexUrl(manifest: RuntimeManifest): string {
  return manifest.index ?? manifest.base
}
