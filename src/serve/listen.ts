/** Listening on a port of 127.0.0.1, for `serve` and `dev`. */
import type { Server } from 'node:http'
import { UserError } from '../diagnostics/user-error.ts'

/** Listens on 127.0.0.1:`port`; resolves with the port (a free one for 0). A port in use is the author's to change. */
export async function listen(server: Server, port: number): Promise<number> {
  await new Promise<void>((done, fail) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      fail(
        e.code === 'EADDRINUSE'
          ? new UserError(`Port ${port} is in use.`, {
              hint: 'Pass another one with --port, or --port 0 for any free port.',
            })
          : e,
      ),
    )
    server.listen(port, '127.0.0.1', done)
  })
  const address = server.address()
  return typeof address === 'object' && address ? address.port : port
}
