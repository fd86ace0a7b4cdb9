import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One request the receiver got, whatever it answered. */
export type ReceivedRequest = { method: string; path: string; headers: IncomingHttpHeaders; body: string; index: number }

export type HttpReceiverOptions = {
  /** Appended to `url`: the path the sender is configured with (e.g. a Slack webhook path). */
  path?: string
  /** Answer 500 to the first `failFirst` requests. */
  failFirst?: number
  /**
   * The status for a request that isn't failed by `failFirst` or `setFailing(true)`; 200 by
   * default. A 2xx answer marks the request accepted.
   */
  respond?: (request: ReceivedRequest) => number
  /** The body of a 2xx answer (default empty), or one made from the request; failures answer `internal_error`. */
  okBody?: string | ((request: ReceivedRequest) => string)
  /** Waits this long before answering: a slow receiver keeps deliveries in flight (crash tests). */
  delayMs?: number
}

export type HttpReceiver = {
  url: string
  /** Every request, in arrival order. */
  received: ReceivedRequest[]
  /** The requests answered 2xx. */
  accepted: ReceivedRequest[]
  /** How many requests arrived, accepted or not. */
  attempts: () => number
  /** While true, every request is answered 500. */
  setFailing: (failing: boolean) => void
  stop: () => Promise<void>
}

/**
 * A local HTTP endpoint standing in for a webhook target (Slack's incoming webhook, the app's
 * Stripe webhook route): records every request and answers with the status the test picks.
 */
export async function startHttpReceiver({ path = '/', failFirst = 0, respond = () => 200, okBody = '', delayMs = 0 }: HttpReceiverOptions = {}): Promise<HttpReceiver> {
  const received: ReceivedRequest[] = []
  const accepted: ReceivedRequest[] = []
  let failing = false
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', async () => {
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs))
      const entry: ReceivedRequest = { method: request.method ?? 'GET', path: request.url ?? '/', headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), index: received.length }
      received.push(entry)
      const status = failing || entry.index < failFirst ? 500 : respond(entry)
      if (status >= 200 && status < 300) {
        accepted.push(entry)
        const body = typeof okBody === 'function' ? okBody(entry) : okBody
        response.writeHead(status, { 'Content-Type': body.startsWith('{') ? 'application/json' : 'text/plain' }).end(body)
      } else {
        response.writeHead(status, { 'Content-Type': 'text/plain' }).end('internal_error')
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}${path.startsWith('/') ? path : `/${path}`}`,
    received,
    accepted,
    attempts: () => received.length,
    setFailing: (value) => void (failing = value),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** Slack's incoming-webhook settings for the receiver: its path, and "ok" as Slack answers. */
export const SLACK_WEBHOOK = { path: '/services/T000/B000/XXXX', okBody: 'ok' } as const satisfies HttpReceiverOptions

/** A Slack post as the receiver got it. */
export type SlackPost = { text: string; blocks: Array<Record<string, unknown>> }
export const slackPosts = (receiver: HttpReceiver): SlackPost[] => receiver.accepted.map((request) => JSON.parse(request.body) as SlackPost)

/** The Stripe-Signature header of a webhook delivery the receiver got. */
export const stripeSignature = (request: ReceivedRequest) => String(request.headers['stripe-signature'] ?? '')
