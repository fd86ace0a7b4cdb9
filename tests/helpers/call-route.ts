import type { Payload } from 'payload'

import { ORGANIZATION_COOKIE } from '../../src/auth/portal-session'
import type { User } from '../../src/payload-types'

export type RouteHandler = (request: Request, segment?: { params?: Promise<Record<string, string>> }) => Promise<Response>

export type CallOptions = { method?: string; body?: unknown; params?: Record<string, string>; organizationId?: number }

/**
 * `body` is the JSON envelope; a file answer (an invoice PDF, a ZIP) has `body.text` (its bytes as
 * latin1, so a probe can still search it for another tenant's names) and `bytes` to read it as a file.
 */
export type RouteResult = {
  status: number
  headers: Headers
  body: { success: boolean; data?: any; text?: string; error?: { code: string; message: string; fields?: Record<string, string> } }
  bytes?: Buffer
}

/**
 * Calls a portal route handler in-process as `user`, with a real Payload session token
 * (`Authorization: JWT …`), exactly as the product or a browser would reach it. Tokens are cached
 * per user; `organizationId` sets the organization switcher's cookie.
 */
export function routeCaller(payload: Payload, password = 'test-password-1') {
  // The promise is cached, so concurrent first calls as one user share one sign-in.
  const tokens = new Map<number, Promise<string>>()
  const tokenFor = (user: User) => {
    if (!tokens.has(user.id)) tokens.set(user.id, payload.login({ collection: 'users', data: { email: user.email, password } }).then(({ token }) => token!))
    return tokens.get(user.id)!
  }
  return async function call(handler: RouteHandler, user: User, path: string, options: CallOptions = {}): Promise<RouteResult> {
    const headers = new Headers({ Authorization: `JWT ${await tokenFor(user)}`, 'Content-Type': 'application/json', 'User-Agent': 'vitest' })
    if (options.organizationId) headers.set('Cookie', `${ORGANIZATION_COOKIE}=${options.organizationId}`)
    const request = new Request(`http://localhost${path}`, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    })
    const response = await handler(request, { params: Promise.resolve(options.params ?? {}) })
    if (response.headers.get('content-type')?.includes('application/json')) return { status: response.status, headers: response.headers, body: await response.json() }
    const bytes = Buffer.from(await response.arrayBuffer())
    return { status: response.status, headers: response.headers, body: { success: response.ok, text: bytes.toString('latin1') }, bytes }
  }
}
