import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'

import { t } from '../i18n/t'
import type { PortalEnvelope } from '../lib/api/envelope'
import { PortalError } from '../lib/api/portal-error'
import { ingestCaller } from './ingest-caller'
import { recordUsage, type RecordUsageResult } from './record-usage'
import { UsageBatch } from './usage-event-schema'

/** 1,000 events of a few hundred bytes each, with room; a larger body is refused before parsing. */
const MAX_BODY_BYTES = 2_000_000

const answer = (status: number, body: PortalEnvelope<RecordUsageResult>) => Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } })
const refuse = (error: PortalError) => answer(error.status, { success: false, error: { code: error.code, message: error.message, fields: error.fields } })

/**
 * POST /api/metering/events, machine to machine: no portal session; an API key with scope
 * `usage:write` (for its own organization: events naming another are refused) or the server's
 * METERING_INGEST_TOKEN (for any) is the authentication (see ingestCaller). Answers the portal
 * envelope; a bad batch is 422 naming each bad event and nothing of it is written.
 */
export async function ingestUsageRequest(payload: Payload, request: Request, now = new Date()): Promise<Response> {
  try {
    const caller = await ingestCaller(request)
    if (Number(request.headers.get('content-length')) > MAX_BODY_BYTES) throw new PortalError('invalid_request', t('usage.ingest.tooLarge'))
    const text = await request.text()
    if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new PortalError('invalid_request', t('usage.ingest.tooLarge'))
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      throw new PortalError('invalid_request', t('api.error.invalid'), { _: 'The request body is not valid JSON.' })
    }
    const batch = UsageBatch.safeParse(body)
    if (!batch.success) throw new PortalError('invalid_request', t('api.error.invalid'), Object.fromEntries(batch.error.issues.map((issue) => [issue.path.join('.') || '_', issue.message])))
    return answer(200, { success: true, data: await recordUsage(payload, batch.data.events, { now, onlyFor: caller.kind === 'api_key' ? caller.organizationId : undefined }) })
  } catch (error) {
    if (error instanceof PortalError) return refuse(error)
    const requestId = randomUUID()
    payload.logger.error({ err: error, requestId }, 'metering ingestion failed')
    return refuse(new PortalError('internal', t('api.error.internal', { requestId })))
  }
}
