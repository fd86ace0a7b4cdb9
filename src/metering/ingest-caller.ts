import { verifyApiKey } from '../api-keys/verify-api-key'
import { t } from '../i18n/t'
import { PortalError } from '../lib/api/portal-error'
import { checkIngestToken } from './ingest-token'

/** Who may report usage: the server token (for any organization) or an API key (for its own). */
export type IngestCaller = { kind: 'server' } | { kind: 'api_key'; organizationId: number }

const API_KEY = /^Bearer (pk_(?:live|test)_\S+)$/

/**
 * The caller of POST /api/metering/events from its Authorization header: an API key (`pk_…`) with
 * scope `usage:write`, verified by the API-keys domain; else METERING_INGEST_TOKEN. Throws the
 * refusal: 401 for a bad credential, 403 for a key without the scope, 503 when neither can work
 * (no key sent and no server token configured).
 */
export async function ingestCaller(request: Request): Promise<IngestCaller> {
  const authorization = request.headers.get('authorization')
  const key = API_KEY.exec(authorization ?? '')?.[1]
  if (key) {
    const verified = await verifyApiKey(key, ['usage:write'], { ip: request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() ?? null })
    if (verified.valid) return { kind: 'api_key', organizationId: verified.organizationId }
    if (verified.reason === 'insufficient_scope') throw new PortalError('forbidden', t('usage.ingest.keyScope'))
    throw new PortalError('unauthenticated', t('usage.ingest.badKey'))
  }
  const token = checkIngestToken(authorization)
  if (token === 'not_configured') throw new PortalError('unavailable', t('usage.ingest.notConfigured'))
  if (token === 'refused') throw new PortalError('unauthenticated', t('usage.ingest.badToken'))
  return { kind: 'server' }
}
