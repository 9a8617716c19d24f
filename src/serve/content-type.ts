/** The Content-Type of a file by its extension, as static hosts send it, and whether it is worth compressing. */

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  json: 'application/json; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  ico: 'image/x-icon',
  pdf: 'application/pdf',
  zip: 'application/zip',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  wav: 'audio/wav',
  mp4: 'video/mp4',
  webm: 'video/webm',
  vtt: 'text/vtt; charset=utf-8',
  woff: 'font/woff',
  woff2: 'font/woff2',
}

export function contentType(name: string): string {
  const dot = name.lastIndexOf('.')
  return (dot > name.lastIndexOf('/') && TYPES[name.slice(dot + 1).toLowerCase()]) || 'application/octet-stream'
}

/** Text compresses; images, media, fonts and archives are compressed already. */
export function compressible(type: string): boolean {
  return /^text\/|^application\/(json|xml)|^image\/svg\+xml/.test(type)
}
