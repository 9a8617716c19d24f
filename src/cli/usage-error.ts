/** Bad usage of the command line (an unknown flag, a missing argument): the CLI prints it and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}
