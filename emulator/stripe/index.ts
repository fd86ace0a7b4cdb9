/**
 * LOCAL STRIPE EMULATOR — for the dev demo and tests only, never production. It speaks Stripe's
 * wire format (form-encoded params, `expand[]`, cursor lists, idempotency keys, Stripe-shaped
 * errors, signed webhooks) for the objects Portico uses, so the official SDK can be pointed at it
 * with `host`/`port`/`protocol`. See README.md beside this file.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

import { createApiHandler } from './api-handler'
import { EmulatorContext } from './context'
import { handleControlRoute } from './control-api'
import { handlePublicRoute } from './portal-page/public-routes'
import { buildRouter } from './routes'
import { Store, type DeliveryAttempt, type StripeObject } from './store'
import { WebhookDelivery, type WebhookDeliveryOptions } from './webhook-delivery'
import { STRIPE_API_VERSION } from '../../src/billing/stripe-api-version'

export type StripeEmulatorOptions = {
  /** 0 or absent: any free port. */
  port?: number
  host?: string
  /** Where every event is POSTed (besides webhook endpoints created through the API). */
  webhookUrl?: string
  webhookSecret?: string
  /** JSON file to keep state across restarts (the demo uses .data/stripe-emulator.json). */
  dataFile?: string
  webhookDelivery?: WebhookDeliveryOptions
  /** Wall clock in ms for idempotency-key expiry (tests move it past 24 hours). */
  clock?: () => number
}

export type StripeEmulator = {
  url: string
  port: number
  apiVersion: string
  stop(): Promise<void>
  /** Emitted events, oldest first, optionally of one type. */
  events(type?: string): StripeObject[]
  deliveries(): DeliveryAttempt[]
  /** Sends an already-emitted event again (`times` copies) — for duplicate / out-of-order tests. */
  resend(eventId: string, times?: number): void
  setWebhookTarget(url: string | null, secret?: string): void
  /** Resolves when every queued webhook delivery, retries included, has finished. */
  webhooksSettled(): Promise<void>
  /** Direct read of any stored object, bypassing the API (assertions in tests). */
  get(id: string): StripeObject | undefined
}

export async function startStripeEmulator(options: StripeEmulatorOptions = {}): Promise<StripeEmulator> {
  const store = new Store(options.dataFile)
  const webhookTarget = options.webhookUrl ? { url: options.webhookUrl, secret: options.webhookSecret ?? '' } : null
  const webhooks = new WebhookDelivery(store, webhookTarget, options.webhookDelivery)
  const context = new EmulatorContext(store, webhooks, STRIPE_API_VERSION)
  const api = createApiHandler(context, buildRouter(context), { clock: options.clock })

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://emulator')
    const route = async () => {
      if (url.pathname.startsWith('/v1/')) return api(request, response, url)
      if (await handleControlRoute(context, request, response, url)) return
      if (await handlePublicRoute(context, request, response, url)) return
      response.writeHead(404, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ error: { type: 'invalid_request_error', message: `Unrecognized request URL (${request.method}: ${url.pathname}).` } }))
    }
    route().catch((error: unknown) => {
      console.error('[stripe-emulator]', error)
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ error: { type: 'api_error', message: 'Internal emulator error' } }))
    })
  })
  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  context.baseUrl = `http://${host}:${port}`

  return {
    url: context.baseUrl,
    port,
    apiVersion: STRIPE_API_VERSION,
    async stop() {
      await webhooks.idle()
      store.save()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
    events: (type) => store.list('event', (event) => !type || event.type === type).reverse(),
    deliveries: () => [...store.deliveries],
    resend(eventId, times = 1) {
      const event = store.getOfType('event', eventId)
      if (!event) throw new Error(`No such event: ${eventId}`)
      webhooks.deliver(event, times)
    },
    setWebhookTarget: (url, secret = options.webhookSecret ?? '') => webhooks.setTarget(url ? { url, secret } : null),
    webhooksSettled: () => webhooks.idle(),
    get: (id) => store.get(id),
  }
}
