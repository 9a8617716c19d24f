/** The options that shape the site's pages, checked and filled in from what the caller passed. */
import { UserError } from '../diagnostics/user-error.ts'
import type { SiteOptions } from '../render/types.ts'

/** The site options of a build: its base checked, dev's extras off unless asked for; an LMS package links relatively. */
export function siteOptions(options: {
  base?: string
  openAll?: boolean
  devScript?: string | null
  lms?: boolean
}): SiteOptions {
  const lms = options.lms ?? false
  return {
    base: normalizeBase(options.base ?? '/'),
    urls: lms ? 'relative' : 'absolute',
    lms,
    openAll: options.openAll ?? false,
    devScript: options.devScript ?? null,
  }
}

/** `listen` → `/listen/`; rejects what cannot be a URL path. */
export function normalizeBase(base: string): string {
  let b = base.trim()
  if (!b.startsWith('/')) b = `/${b}`
  if (!b.endsWith('/')) b = `${b}/`
  if (!/^\/(?:[A-Za-z0-9._~!$&'()*+,;=:@%-]+\/)*$/.test(b) || /\/\.\.?\//.test(b)) {
    throw new UserError(`--base ${JSON.stringify(base)} is not a URL path.`, {
      hint: 'Give the path the site is served under, such as `--base /listen/`.',
      usage: true,
    })
  }
  return b
}
