import type { IncomingMessage, ServerResponse } from 'node:http'

import { authenticate, readBody } from './api-handler'
import type { EmulatorContext } from './context'
import { setTaxIdVerification } from './resources/tax-ids'
import { StripeError, invalidRequest, resourceMissing } from './stripe-error'

/**
 * Test-only controls under `/_emulator/…` (not part of Stripe's API), for tests that run the
 * emulator in another process: inspect emitted events and delivery attempts, resend an event
 * (several times, to test duplicate handling) and point webhooks at the app once it is up.
 */
export async function handleControlRoute(context: EmulatorContext, request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean> {
  if (!url.pathname.startsWith('/_emulator/')) return false
  const send = (status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' })
    response.end(JSON.stringify(body, null, 2))
  }
  try {
    if (url.pathname === '/_emulator/health') return (send(200, { ok: true, api_version: context.apiVersion, emulator: 'portico local Stripe emulator (test mode)' }), true)
    authenticate(request)
    const form = request.method === 'POST' ? new URLSearchParams(await readBody(request)) : url.searchParams
    const resend = /^\/_emulator\/events\/(evt_\w+)\/resend$/.exec(url.pathname)
    const taxIdVerification = /^\/_emulator\/tax_ids\/(txi_\w+)\/verification$/.exec(url.pathname)
    if (request.method === 'GET' && url.pathname === '/_emulator/events') {
      send(200, { object: 'list', data: context.store.list('event').reverse() })
    } else if (request.method === 'GET' && url.pathname === '/_emulator/deliveries') {
      send(200, { object: 'list', data: context.store.deliveries })
    } else if (request.method === 'POST' && resend?.[1]) {
      const event = context.store.getOfType('event', resend[1])
      if (!event) throw resourceMissing('event', resend[1])
      const times = Number(form.get('times') ?? 1)
      if (!Number.isInteger(times) || times < 1 || times > 10) throw invalidRequest('times must be an integer from 1 to 10', 'times')
      context.webhooks.deliver(event, times)
      send(200, { resent: event.id, times })
    } else if (request.method === 'POST' && taxIdVerification?.[1]) {
      send(200, setTaxIdVerification(context, taxIdVerification[1], form.get('status') ?? ''))
    } else if (request.method === 'POST' && url.pathname === '/_emulator/webhook_target') {
      const targetUrl = form.get('url')
      context.webhooks.setTarget(targetUrl ? { url: targetUrl, secret: form.get('secret') ?? '' } : null)
      send(200, { url: targetUrl })
    } else {
      send(404, new StripeError(404, 'invalid_request_error', `Unrecognized emulator control URL (${request.method}: ${url.pathname}).`).toJSON())
    }
  } catch (error) {
    if (!(error instanceof StripeError)) throw error
    send(error.status, error.toJSON())
  }
  return true
}
