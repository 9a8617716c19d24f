/**
 * The open pages, as Server-Sent Events streams: `dev` pushes a `reload`
 * event to all of them after each rebuild. Each page says, when it connects,
 * which page it is and when it was loaded; a change since then is sent to it
 * at once, so an edit made while the page was loading is not lost.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ReloadEvent } from './reload-client.ts'

export class ReloadHub {
  private readonly clients = new Set<ServerResponse>()

  /**
   * @param changedSince The change a page loaded at `since` (ms since the epoch) has missed, or null.
   */
  constructor(private readonly changedSince: (path: string, since: number) => ReloadEvent | null) {}

  /** How many pages are listening. */
  get size(): number {
    return this.clients.size
  }

  /** Answers a page's request for the event stream and keeps it open. */
  connect(req: IncomingMessage, res: ServerResponse, query: URLSearchParams): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    })
    // Reconnect quickly when dev restarts.
    res.write('retry: 300\n\n')
    this.clients.add(res)
    req.on('close', () => this.clients.delete(res))
    const since = Number(query.get('since'))
    const missed = Number.isFinite(since) ? this.changedSince(query.get('path') ?? '/', since) : null
    if (missed) send(res, missed)
  }

  /** Sends `event` to every open page; returns how many got it. */
  broadcast(event: ReloadEvent): number {
    for (const res of this.clients) send(res, event)
    return this.clients.size
  }

  /** Ends every stream, so the server can close. */
  close(): void {
    for (const res of this.clients) res.end()
    this.clients.clear()
  }
}

function send(res: ServerResponse, event: ReloadEvent): void {
  res.write(`event: reload\ndata: ${JSON.stringify(event)}\n\n`)
}
