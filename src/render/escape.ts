/** Escapes text for HTML content and double- or single-quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!)
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Escapes JSON (or any text) for a single-quoted attribute value: JSON's many `"` stay as they are. */
export function escapeSingleQuoted(s: string): string {
  return s.replace(/[&']/g, (c) => (c === '&' ? '&amp;' : '&#39;'))
}
