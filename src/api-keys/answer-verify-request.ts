import { createHash, timingSafeEqual } from 'node:crypto'

import { z } from 'zod'

import { findUnstorableText } from '../lib/api/unstorable-text'
import { type ServerTiming, serverTiming } from '../lib/server-timing'
import { verifyApiKey } from './verify-api-key'

const VerifyBody = z.object({
  key: z.string().max(200),
  scopes: z.array(z.string().max(100)).max(50).optional(),
  /** The address the product's caller came from, kept as the key's last-used address. */
  ip: z.string().max(100).optional(),
})

const digest = (text: string) => createHash('sha256').update(text).digest()

const answer = (timing: ServerTiming, status: number, body: unknown) => Response.json(body, { status, headers: { 'Cache-Control': 'no-store', 'Server-Timing': timing.header() } })

/** The server token, compared in constant time (digests make the lengths equal). */
function authorized(request: Request, token: string): boolean {
  const header = request.headers.get('authorization') ?? ''
  const match = /^Bearer (.+)$/i.exec(header)
  return match !== null && timingSafeEqual(digest(match[1]!), digest(token))
}

/**
 * POST /api/keys/verify, for the product's servers: `Authorization: Bearer $API_KEY_VERIFY_TOKEN`
 * and `{ key, scopes?, ip? }` → 200 `{ valid: true, organizationId, keyId, scopes, environment }`
 * or 200 `{ valid: false, reason }`. 503 while no token is configured (never open by default),
 * 401 for a wrong token, 400 for a body that isn't one. The key is never echoed or logged.
 * `Server-Timing` says how long the server spent (`verify`, then `total` since the handler began).
 */
export async function answerVerifyRequest(request: Request): Promise<Response> {
  const timing = serverTiming()
  const token = process.env.API_KEY_VERIFY_TOKEN
  if (!token) return answer(timing, 503, { error: 'API key verification is not configured (API_KEY_VERIFY_TOKEN).' })
  if (!authorized(request, token)) return answer(timing, 401, { error: 'A valid server token is required.' })
  let input: unknown
  try {
    input = JSON.parse(await request.text())
  } catch {
    return answer(timing, 400, { error: 'The request body is not valid JSON.' })
  }
  const parsed = VerifyBody.safeParse(input)
  if (!parsed.success || findUnstorableText(input)) return answer(timing, 400, { error: 'Expected { key, scopes?, ip? }.' })
  return answer(timing, 200, await timing.measure('verify', () => verifyApiKey(parsed.data.key, parsed.data.scopes, { ip: parsed.data.ip ?? null })))
}
