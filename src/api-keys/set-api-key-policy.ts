import type { Payload } from 'payload'

import type { AuditActor } from '../audit/actor'
import { recordPortalChange } from '../audit/record-portal-change'
import { inApiKeyTransaction } from './api-key-transaction'
import { maxLifetimeDays } from './create-api-key'

/**
 * The owner's cap on how long a new key may live (null: no cap). Keys that already exist keep
 * their expiry; new keys and rotations are held to the cap from now on.
 */
export async function setApiKeyMaxLifetime(payload: Payload, { organizationId, days, actor }: { organizationId: number; days: number | null; actor: AuditActor }): Promise<{ maxLifetimeDays: number | null }> {
  return inApiKeyTransaction(payload, organizationId, async (req) => {
    const before = await maxLifetimeDays(req, organizationId)
    await recordPortalChange(
      req,
      { actor, organization: organizationId, entity: { type: 'organizations', id: organizationId }, action: 'api_keys.max_lifetime_changed', before: { apiKeyMaxLifetimeDays: before } },
      async (inner) => {
        await inner.payload.update({ collection: 'organizations', id: organizationId, data: { apiKeyMaxLifetimeDays: days }, depth: 0, overrideAccess: true, req: inner })
        return { after: { apiKeyMaxLifetimeDays: days } }
      },
    )
    return { maxLifetimeDays: days }
  })
}
