/**
 * Loads the second script (extras-api.ts) and its stylesheet on demand,
 * once: files from the site's own assets, as the Content-Security-Policy
 * allows, so a section's first visit does not pay for dialogs it may never
 * open.
 */
import { EXTRAS_GLOBAL, type Extras } from './extras-api.ts'

let loading: Promise<Extras> | null = null

/** Resolves when `node` has loaded; rejects when it fails. */
function loaded(node: HTMLScriptElement | HTMLLinkElement): Promise<void> {
  return new Promise((resolve, reject) => {
    node.onload = () => resolve()
    node.onerror = () => reject(new Error(`${'src' in node ? node.src : node.href} could not be loaded`))
    document.head.append(node)
  })
}

/** The extras, loading them the first time; rejects when the script cannot be loaded. */
export function loadExtras(urls: { js: string; css: string }): Promise<Extras> {
  if (loading) return loading
  const style = document.createElement('link')
  style.rel = 'stylesheet'
  style.href = urls.css
  const script = document.createElement('script')
  script.src = urls.js
  // Unstyled is better than nothing: the stylesheet may fail alone.
  const styled = loaded(style).catch(() => {})
  loading = Promise.all([loaded(script), styled]).then(() => {
    const extras = (window as unknown as Record<string, Extras | undefined>)[EXTRAS_GLOBAL]
    if (!extras) throw new Error(`${urls.js} did not define ${EXTRAS_GLOBAL}`)
    return extras
  })
  // Offline before anything was cached, say: the next click tries again.
  loading.catch(() => {
    loading = null
  })
  return loading
}
