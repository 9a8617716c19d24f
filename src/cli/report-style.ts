/** Whether the terminal report is coloured: only the CLI looks at the environment. */
import type { ReportStyle } from '../diagnostics/format.ts'

/** Colour on a terminal unless NO_COLOR is set (https://no-color.org). */
export function styleFor(
  stream: { isTTY?: boolean },
  env: Record<string, string | undefined> = process.env,
): ReportStyle {
  const noColor = env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== ''
  return { color: Boolean(stream.isTTY) && !noColor && env['TERM'] !== 'dumb' }
}
