import type { Payload, PayloadRequest } from 'payload'

import { extractIdOrNull } from '../lib/extract-id'
import type { ApiKey } from '../payload-types'
import { apiKeyStatus, type ApiKeyStatus } from './api-key-status'
import type { ApiKeyEnvironment, ApiKeyScope } from './scope-catalog'

/** A key as the page and the JSON routes show it: never the secret, never its hash. */
export type ApiKeyView = {
  id: number
  name: string
  prefix: string
  scopes: ApiKeyScope[]
  environment: ApiKeyEnvironment
  status: ApiKeyStatus
  createdBy: string | null
  createdAt: string
  lastUsedAt: string | null
  lastUsedIp: string | null
  expiresAt: string | null
  revokedAt: string | null
  rotatedFromId: number | null
}

/** Names of the people who created `keys`, in one query. */
export async function creatorNames(payload: Payload, keys: readonly ApiKey[], req?: PayloadRequest): Promise<Map<number, string>> {
  const ids = [...new Set(keys.map((key) => extractIdOrNull(key.createdBy)).filter((id): id is number => id !== null))]
  if (ids.length === 0) return new Map()
  const { docs } = await payload.find({ collection: 'users', where: { id: { in: ids } }, depth: 0, pagination: false, overrideAccess: true, select: { name: true, email: true }, req })
  return new Map(docs.map((user) => [user.id, user.name || user.email]))
}

export function apiKeyView(key: ApiKey, creators: Map<number, string>, now: Date): ApiKeyView {
  const creatorId = extractIdOrNull(key.createdBy)
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    scopes: key.scopes as ApiKeyScope[],
    environment: key.environment,
    status: apiKeyStatus(key, now),
    createdBy: creatorId === null ? null : (creators.get(creatorId) ?? null),
    createdAt: key.createdAt,
    lastUsedAt: key.lastUsedAt ?? null,
    lastUsedIp: key.lastUsedIp ?? null,
    expiresAt: key.expiresAt ?? null,
    revokedAt: key.revokedAt ?? null,
    rotatedFromId: extractIdOrNull(key.rotatedFrom),
  }
}
