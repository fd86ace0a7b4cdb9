import type { Payload } from 'payload'

import { recordPortalChange } from '../audit/record-portal-change'
import { t } from '../i18n/t'
import { PortalError } from '../lib/api/portal-error'
import type { ApiKey } from '../payload-types'
import type { ApiKeyActor } from './api-key-actor'
import { inApiKeyTransaction } from './api-key-transaction'
import { apiKeyView, type ApiKeyView, creatorNames } from './api-key-view'
import { apiKeyAuditFields, apiKeyLabel } from './create-api-key'
import { findApiKey } from './find-api-key'
import { notifyApiKeyChanged } from './notify-api-key-changed'

/**
 * Revokes a key: every server instance refuses it within a second (the NOTIFY commits with the
 * change). An expired key may still be revoked, so the list says what happened to it.
 */
export async function revokeApiKey(payload: Payload, actor: ApiKeyActor, input: { keyId: number }, now = new Date()): Promise<ApiKeyView> {
  const revoked = await inApiKeyTransaction(payload, actor.organizationId, async (req) => {
    const key = await findApiKey(req, actor.organizationId, input.keyId)
    if (key.revokedAt) throw new PortalError('conflict', t('api-keys.error.alreadyRevoked'))
    const change = {
      actor: actor.audit,
      organization: actor.organizationId,
      entity: { type: 'api-keys', id: key.id },
      action: 'api_key.revoked',
      before: apiKeyAuditFields(key),
      event: { type: 'api_key.revoked', data: { changes: { key: [apiKeyLabel(key), null] } } },
    } as const
    let updated: ApiKey | undefined
    await recordPortalChange(req, change, async (inner) => {
      updated = await inner.payload.update({ collection: 'api-key-records', id: key.id, data: { revokedAt: now.toISOString(), revokedBy: actor.userId }, depth: 0, overrideAccess: true, req: inner })
      await notifyApiKeyChanged(inner, key.secretHash)
      return { after: { ...apiKeyAuditFields(updated), revokedAt: updated.revokedAt } }
    })
    return updated!
  })
  return apiKeyView(revoked, await creatorNames(payload, [revoked]), now)
}
