import { RateLimited, retryAfterHeaders } from '../rate-limit/rate-limit'
import type { PortalEnvelope } from './envelope'
import type { PortalError } from './portal-error'

/** A refusal as the JSON envelope, with Retry-After when a limit said when to come back. */
export function errorResponse(error: PortalError): Response {
  const headers = error instanceof RateLimited ? retryAfterHeaders(error) : undefined
  const body: PortalEnvelope<never> = { success: false, error: { code: error.code, message: error.message, fields: error.fields } }
  return Response.json(body, { status: error.status, headers })
}
