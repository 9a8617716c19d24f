/**
 * A mistake of the person running coursemark, found where no diagnostic list
 * is at hand: bad command-line usage, an output folder that cannot be used, a
 * port in use. The CLI prints it without a stack trace and exits with
 * `exitCode`; anything else thrown is a bug of ours.
 */
export class UserError extends Error {
  override name = 'UserError'
  /** What to do next. */
  readonly hint: string | undefined
  /** 2 for bad usage of the command line (an unknown flag, a bad --port), 1 for anything else. */
  readonly exitCode: 1 | 2

  constructor(message: string, options: { hint?: string; usage?: boolean } = {}) {
    super(message)
    this.hint = options.hint
    this.exitCode = options.usage ? 2 : 1
  }
}
