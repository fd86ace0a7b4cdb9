import { RateLimited, retryAfterHeaders } from '../rate-limit/rate-limit'
import type { PortalEnvelope } from './envelope'
import type { PortalError } from './portal-error'

/** A refusal as the JSON envelope, with `headers` and Retry-After when a limit said when to come back. */
export function errorResponse(error: PortalError, headers: Record<string, string> = {}): Response {
  const retryAfter = error instanceof RateLimited ? retryAfterHeaders(error) : {}
  const body: PortalEnvelope<never> = { success: false, error: { code: error.code, message: error.message, fields: error.fields } }
  return Response.json(body, { status: error.status, headers: { ...headers, ...retryAfter } })
}
