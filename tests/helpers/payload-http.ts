import type { Payload } from 'payload'

import { DELETE, GET, PATCH, POST } from '../../src/app/(payload)/api/[...slug]/route'
import { POST as GRAPHQL } from '../../src/app/(payload)/api/graphql/route'

/**
 * The REST and GraphQL route handlers /api/* mounts (Payload's, behind the portal's input guard),
 * called in-process with a JWT header — the same code path a browser or script hits, without
 * booting Next.
 */
export async function payloadHttp(payload: Payload) {
  const rest = { GET, PATCH, DELETE, POST }
  const headers = (token: string) => ({ Authorization: `JWT ${token}`, 'Content-Type': 'application/json' })

  return {
    async login(collection: 'users' | 'staff', email: string, password: string): Promise<string> {
      const { token } = await payload.login({ collection, data: { email, password } })
      if (!token) throw new Error(`No token for ${email}`)
      return token
    },
    async rest(method: 'GET' | 'PATCH' | 'DELETE' | 'POST', path: string, token: string, body?: unknown, rawBody?: string): Promise<Response> {
      const url = `http://localhost/api/${path}`
      const slug = path.split('?')[0].split('/')
      return rest[method](new Request(url, { method, headers: headers(token), body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)) }), {
        params: Promise.resolve({ slug }),
      })
    },
    async graphql(query: string, token: string): Promise<{ data?: unknown; errors?: Array<{ message: string }> }> {
      return (await this.graphqlRaw(JSON.stringify({ query }), token)).json()
    },
    async graphqlRaw(body: string, token: string): Promise<Response> {
      return GRAPHQL(new Request('http://localhost/api/graphql', { method: 'POST', headers: headers(token), body }))
    },
  }
}
