import type { Payload } from 'payload'

import { recordPortalChange } from '../audit/record-portal-change'
import { t } from '../i18n/t'
import { PortalError } from '../lib/api/portal-error'
import type { ApiKey } from '../payload-types'
import type { ApiKeyActor } from './api-key-actor'
import { rotatedApiKeyExpiry } from './api-key-expiry'
import { generateApiKeySecret } from './api-key-format'
import { apiKeyStatus } from './api-key-status'
import { inApiKeyTransaction } from './api-key-transaction'
import { apiKeyView, type ApiKeyView, creatorNames } from './api-key-view'
import { apiKeyAuditFields, apiKeyLabel, insertApiKey, type IssuedApiKey, maxLifetimeDays } from './create-api-key'
import { findApiKey } from './find-api-key'
import { notifyApiKeyChanged } from './notify-api-key-changed'
import { ROTATION_OVERLAPS, type RotationOverlap } from './rotation-overlaps'
import type { ApiKeyScope } from './scope-catalog'

export type RotatedApiKey = IssuedApiKey & { previous: ApiKeyView }

/**
 * Rotates a key in one step: a new key with the same name, scopes and environment (and the same
 * lifetime, within today's cap), linked to the old one, which now expires after `overlap` — or at
 * once — unless it was due to expire sooner. A key already replaced, revoked or expired can't be
 * rotated again: its successor is the one to rotate.
 */
export async function rotateApiKey(payload: Payload, actor: ApiKeyActor, input: { keyId: number; overlap: RotationOverlap }, now = new Date()): Promise<RotatedApiKey> {
  const { key, previous, secret } = await inApiKeyTransaction(payload, actor.organizationId, async (req) => {
    const old = await findApiKey(req, actor.organizationId, input.keyId)
    if (apiKeyStatus(old, now) !== 'active') throw new PortalError('conflict', t('api-keys.error.notActive'))
    const successor = await req.payload.find({ collection: 'api-key-records', where: { rotatedFrom: { equals: old.id } }, limit: 1, depth: 0, overrideAccess: true, req })
    if (successor.docs.length > 0) throw new PortalError('conflict', t('api-keys.error.alreadyRotated'))

    const fresh = generateApiKeySecret(old.environment)
    const oldEndsAt = new Date(Math.min(now.getTime() + ROTATION_OVERLAPS[input.overlap], old.expiresAt ? new Date(old.expiresAt).getTime() : Number.POSITIVE_INFINITY))
    const expiresAt = rotatedApiKeyExpiry(old, await maxLifetimeDays(req, actor.organizationId), now)
    let created: ApiKey | undefined
    let retired: ApiKey | undefined
    await recordPortalChange(
      req,
      {
        actor: actor.audit,
        organization: actor.organizationId,
        entity: { type: 'api-keys' },
        action: 'api_key.rotated',
        before: { rotatedFrom: old.id, ...apiKeyAuditFields(old) },
        event: { type: 'api_key.rotated', data: { changes: { key: [apiKeyLabel(old), apiKeyLabel({ name: old.name, prefix: fresh.displayPrefix })], previousKeyExpiresAt: [old.expiresAt ?? null, oldEndsAt.toISOString()] } } },
      },
      async (inner) => {
        created = await insertApiKey(inner, actor, fresh, { name: old.name, scopes: old.scopes as ApiKeyScope[], expiresAt, rotatedFrom: old.id })
        retired = await inner.payload.update({ collection: 'api-key-records', id: old.id, data: { expiresAt: oldEndsAt.toISOString() }, depth: 0, overrideAccess: true, req: inner })
        await notifyApiKeyChanged(inner, old.secretHash)
        return { entityId: created.id, after: { ...apiKeyAuditFields(created), rotatedFrom: old.id, previousKeyExpiresAt: oldEndsAt.toISOString() } }
      },
    )
    return { key: created!, previous: retired!, secret: fresh.secret }
  })
  const creators = await creatorNames(payload, [key, previous])
  return { key: apiKeyView(key, creators, now), previous: apiKeyView(previous, creators, now), secret }
}
