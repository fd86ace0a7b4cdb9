import { GRAPHQL_POST, REST_DELETE, REST_PATCH, REST_POST } from '@payloadcms/next/routes'
import type { Payload } from 'payload'

/**
 * Payload's own REST and GraphQL route handlers (the ones /api/* mounts), called in-process with
 * a JWT header — the same code path a browser or script hits, without booting Next.
 */
export async function payloadHttp(payload: Payload) {
  const { default: config } = await import('../../payload.config')
  const rest = { PATCH: REST_PATCH(config), DELETE: REST_DELETE(config), POST: REST_POST(config) }
  const graphql = GRAPHQL_POST(config)
  const headers = (token: string) => ({ Authorization: `JWT ${token}`, 'Content-Type': 'application/json' })

  return {
    async login(collection: 'users' | 'staff', email: string, password: string): Promise<string> {
      const { token } = await payload.login({ collection, data: { email, password } })
      if (!token) throw new Error(`No token for ${email}`)
      return token
    },
    async rest(method: 'PATCH' | 'DELETE' | 'POST', path: string, token: string, body?: unknown): Promise<Response> {
      const url = `http://localhost/api/${path}`
      const slug = path.split('?')[0].split('/')
      return rest[method](new Request(url, { method, headers: headers(token), body: body === undefined ? undefined : JSON.stringify(body) }), {
        params: Promise.resolve({ slug }),
      })
    },
    async graphql(query: string, token: string): Promise<{ data?: unknown; errors?: Array<{ message: string }> }> {
      const response = await graphql(new Request('http://localhost/api/graphql', { method: 'POST', headers: headers(token), body: JSON.stringify({ query }) }))
      return response.json()
    },
  }
}
