import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export type SlackPost = { text: string; blocks: Array<Record<string, unknown>> }

/**
 * A local Slack incoming-webhook: answers 500 to the first `failFirst` posts (or all, when
 * `failAlways`), "ok" otherwise, and keeps the posts it accepted.
 */
export async function startSlackReceiver({ failFirst = 0 }: { failFirst?: number } = {}) {
  const accepted: SlackPost[] = []
  let attempts = 0
  let failAlways = false
  const server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => {
      attempts++
      if (failAlways || attempts <= failFirst) {
        response.writeHead(500).end('internal_error')
        return
      }
      accepted.push(JSON.parse(body))
      response.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/services/T000/B000/XXXX`,
    accepted,
    attempts: () => attempts,
    setFailing: (value: boolean) => (failAlways = value),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
