/**
 * Loads the second script (extras-api.ts) and its stylesheet on demand,
 * once: files from the site's own assets, as the Content-Security-Policy
 * allows, so a section's first visit does not pay for dialogs it may never
 * open.
 */
import { EXTRAS_GLOBAL, type Extras } from './extras-api.ts'

let loading: Promise<Extras> | null = null

/** The extras, loading them the first time; rejects when the script cannot be loaded. */
export function loadExtras(urls: { js: string; css: string }): Promise<Extras> {
  loading ??= new Promise<Extras>((resolve, reject) => {
    // The stylesheet first, so the dialogs never show unstyled; it may fail alone.
    const style = document.createElement('link')
    style.rel = 'stylesheet'
    style.href = urls.css
    const script = document.createElement('script')
    script.src = urls.js
    script.onload = () => {
      const extras = (window as unknown as Record<string, Extras | undefined>)[EXTRAS_GLOBAL]
      extras ? resolve(extras) : script.onerror?.(new Event('error'))
    }
    script.onerror = () => {
      // Offline before anything was cached, say: the next call tries again.
      loading = null
      reject(new Error(`${urls.js} could not be loaded`))
    }
    style.onload = style.onerror = () => document.head.append(script)
    document.head.append(style)
  })
  return loading
}
