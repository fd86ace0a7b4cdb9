import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

export type ReceivedWebhook = { body: string; signature: string }

/**
 * A stand-in for the app's webhook route: records every POST and answers with whatever status
 * `respond` picks (to make the emulator retry).
 */
export async function startWebhookReceiver(respond: (webhook: ReceivedWebhook, index: number) => number = () => 200) {
  const received: ReceivedWebhook[] = []
  const server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const webhook = { body: Buffer.concat(chunks).toString('utf8'), signature: String(request.headers['stripe-signature'] ?? '') }
      received.push(webhook)
      response.writeHead(respond(webhook, received.length - 1))
      response.end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/billing/webhook`,
    received,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
