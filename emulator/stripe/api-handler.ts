import type { IncomingMessage, ServerResponse } from 'node:http'

import type { ApiRequest, EmulatorContext } from './context'
import { checkExpandDepth, expand } from './expand'
import { decodeForm, type FormObject } from './form-decode'
import { Idempotency, type StoredResponse } from './idempotency'
import type { Router } from './router'
import { StripeError, invalidRequest } from './stripe-error'

/**
 * The `/v1` pipeline: API key → decode parameters (body for POST, query otherwise) → idempotent
 * replay → `expand[]` depth (validation, before anything runs) → route → `expand[]` → JSON. State is
 * saved after every successful write.
 */
export function createApiHandler(context: EmulatorContext, router: Router, { clock = Date.now }: { clock?: () => number } = {}) {
  const idempotency = new Idempotency(context.store, clock)

  return async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> => {
    const requestId = `req_${context.store.newId('r').slice(2)}`
    const idempotencyKey = header(request, 'idempotency-key')
    const send = (result: StoredResponse, replayed = false) => {
      response.writeHead(result.status, {
        'content-type': 'application/json',
        'request-id': requestId,
        'stripe-version': header(request, 'stripe-version') ?? context.apiVersion,
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
        ...(replayed ? { 'idempotent-replayed': 'true' } : {}),
      })
      response.end(result.body)
    }
    try {
      const apiKey = authenticate(request)
      const raw = request.method === 'POST' ? await readBody(request) : url.search.slice(1)
      const body = decodeForm(raw)
      const method = request.method ?? 'GET'
      const fingerprint = idempotencyKey && method === 'POST' ? idempotency.fingerprint(method, url.pathname, body) : null
      if (idempotencyKey) idempotency.checkKey(idempotencyKey)
      if (fingerprint && idempotencyKey) {
        const previous = idempotency.replay(apiKey, idempotencyKey, fingerprint)
        if (previous) return send(previous, true)
      }
      const result = handle(context, router, { method, path: url.pathname, pathParams: {}, body, requestId, idempotencyKey })
      if (fingerprint && idempotencyKey) idempotency.remember(apiKey, idempotencyKey, fingerprint, result)
      if (method !== 'GET') context.store.save()
      send(result)
    } catch (error) {
      send(errorResponse(error))
    }
  }
}

function handle(context: EmulatorContext, router: Router, request: ApiRequest): StoredResponse {
  const route = router.match(request.method, request.path)
  if (!route) {
    throw new StripeError(404, 'invalid_request_error', `Unrecognized request URL (${request.method}: ${request.path}).`)
  }
  let result: ReturnType<typeof route.handler>
  let expansions: string[]
  try {
    expansions = expandParam(request.body)
    checkExpandDepth(expansions)
    result = route.handler({ ...request, pathParams: route.pathParams })
  } catch (error) {
    return errorResponse(error)
  }
  try {
    return { status: 200, body: JSON.stringify(expand(context.store, result, expansions), null, 2) }
  } catch (error) {
    // The endpoint already ran: this answer is its result, stored under the key like any other.
    return { ...errorResponse(error), executed: true }
  }
}

function expandParam(body: FormObject): string[] {
  const value = body.expand
  if (value === undefined) return []
  const list = Array.isArray(value) ? value : [value]
  if (!list.every((entry): entry is string => typeof entry === 'string')) throw invalidRequest('Invalid array', 'expand')
  return list
}

function errorResponse(error: unknown): StoredResponse {
  if (error instanceof StripeError) return { status: error.status, body: JSON.stringify(error.toJSON(), null, 2) }
  console.error('[stripe-emulator] internal error', error)
  const internal = new StripeError(500, 'api_error', error instanceof Error ? error.message : 'Internal emulator error')
  return { status: 500, body: JSON.stringify(internal.toJSON(), null, 2) }
}

/** Test-mode keys only, as `Bearer sk_test_…` (the SDK) or HTTP Basic with the key as user (curl -u). */
export function authenticate(request: IncomingMessage): string {
  const authorization = header(request, 'authorization') ?? ''
  const [scheme, credentials = ''] = authorization.split(' ')
  const key = scheme === 'Basic' ? Buffer.from(credentials, 'base64').toString().split(':')[0] ?? '' : scheme === 'Bearer' ? credentials : ''
  if (!key) {
    throw new StripeError(
      401,
      'invalid_request_error',
      'You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. \'Authorization: Bearer YOUR_SECRET_KEY\').',
    )
  }
  if (!/^(sk|rk)_test_/.test(key)) {
    throw new StripeError(401, 'invalid_request_error', 'The local Stripe emulator only accepts test-mode keys (sk_test_…).', 'api_key_expired')
  }
  return key
}

function header(request: IncomingMessage, name: string): string | null {
  const value = request.headers[name]
  return typeof value === 'string' ? value : null
}

export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}
