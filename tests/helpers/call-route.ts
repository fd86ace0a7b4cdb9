import type { Payload } from 'payload'

import { ORGANIZATION_COOKIE } from '../../src/auth/portal-session'
import type { User } from '../../src/payload-types'

export type RouteHandler = (request: Request, segment?: { params?: Promise<Record<string, string>> }) => Promise<Response>

export type CallOptions = { method?: string; body?: unknown; params?: Record<string, string>; organizationId?: number }

export type RouteResult = { status: number; body: { success: boolean; data?: any; error?: { code: string; message: string; fields?: Record<string, string> } } }

/**
 * Calls a portal route handler in-process as `user`, with a real Payload session token
 * (`Authorization: JWT …`), exactly as the product or a browser would reach it. Tokens are cached
 * per user; `organizationId` sets the organization switcher's cookie.
 */
export function routeCaller(payload: Payload, password = 'test-password-1') {
  const tokens = new Map<number, string>()
  const tokenFor = async (user: User) => {
    if (!tokens.has(user.id)) {
      const { token } = await payload.login({ collection: 'users', data: { email: user.email, password } })
      tokens.set(user.id, token!)
    }
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
    return { status: response.status, body: await response.json() }
  }
}
