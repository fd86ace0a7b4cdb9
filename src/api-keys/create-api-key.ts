import type { Payload, PayloadRequest } from 'payload'

import { recordPortalChange } from '../audit/record-portal-change'
import type { ApiKey } from '../payload-types'
import type { ApiKeyActor } from './api-key-actor'
import { resolveApiKeyExpiry } from './api-key-expiry'
import { generateApiKeySecret } from './api-key-format'
import { inApiKeyTransaction } from './api-key-transaction'
import { apiKeyView, type ApiKeyView, creatorNames } from './api-key-view'
import { hashApiKeySecret } from './hash-api-key-secret'
import type { ApiKeyEnvironment, ApiKeyScope } from './scope-catalog'

type FreshSecret = ReturnType<typeof generateApiKeySecret>

export type NewApiKeyInput = { name: string; scopes: readonly ApiKeyScope[]; environment: ApiKeyEnvironment; expiresAt?: string | null }

/** The key record and its secret: the only time the secret leaves the server. */
export type IssuedApiKey = { key: ApiKeyView; secret: string }

/** What the audit row and the event keep of a key: enough to recognise it, nothing to use it. */
export const apiKeyAuditFields = (key: Pick<ApiKey, 'name' | 'prefix' | 'scopes' | 'environment' | 'expiresAt'>) => ({
  name: key.name,
  prefix: key.prefix,
  scopes: key.scopes,
  environment: key.environment,
  expiresAt: key.expiresAt ?? null,
})

export const apiKeyLabel = (key: Pick<ApiKey, 'name' | 'prefix'>) => `${key.name} (${key.prefix}…)`

/** The organization's lifetime cap, read inside the key transaction (after its lock). */
export async function maxLifetimeDays(req: PayloadRequest, organizationId: number): Promise<number | null> {
  const organization = await req.payload.findByID({ collection: 'organizations', id: organizationId, depth: 0, overrideAccess: true, select: { apiKeyMaxLifetimeDays: true }, req })
  return organization.apiKeyMaxLifetimeDays ?? null
}

/** Inserts a key for a secret made by `generateApiKeySecret`, inside the caller's transaction. Only the prefix and the HMAC are stored. */
export async function insertApiKey(req: PayloadRequest, actor: ApiKeyActor, fresh: FreshSecret, input: Omit<NewApiKeyInput, 'expiresAt' | 'environment'> & { expiresAt: Date | null; rotatedFrom?: number }): Promise<ApiKey> {
  return req.payload.create({
    collection: 'api-key-records',
    data: {
      organization: actor.organizationId,
      name: input.name,
      prefix: fresh.displayPrefix,
      secretHash: hashApiKeySecret(fresh.secret),
      scopes: [...new Set(input.scopes)],
      environment: fresh.environment,
      createdBy: actor.userId,
      expiresAt: input.expiresAt?.toISOString() ?? null,
      rotatedFrom: input.rotatedFrom ?? null,
    },
    depth: 0,
    overrideAccess: true,
    req,
  })
}

/** Creates a key (audit `api_key.created`, event to owners and admins) and returns its secret once. */
export async function createApiKey(payload: Payload, actor: ApiKeyActor, input: NewApiKeyInput, now = new Date()): Promise<IssuedApiKey> {
  const fresh = generateApiKeySecret(input.environment)
  const key = await inApiKeyTransaction(payload, actor.organizationId, async (req) => {
    const expiresAt = resolveApiKeyExpiry(input.expiresAt, await maxLifetimeDays(req, actor.organizationId), now)
    let created: ApiKey | undefined
    await recordPortalChange(
      req,
      {
        actor: actor.audit,
        organization: actor.organizationId,
        entity: { type: 'api-keys' },
        action: 'api_key.created',
        event: { type: 'api_key.created', data: { changes: { key: [null, apiKeyLabel({ name: input.name, prefix: fresh.displayPrefix })] } } },
      },
      async (inner) => {
        created = await insertApiKey(inner, actor, fresh, { ...input, expiresAt })
        return { entityId: created.id, after: apiKeyAuditFields(created) }
      },
    )
    return created!
  })
  return { key: apiKeyView(key, await creatorNames(payload, [key]), now), secret: fresh.secret }
}
