import type { Payload } from 'payload'

import { apiKeyView, type ApiKeyView, creatorNames } from './api-key-view'

export type ApiKeyList = { keys: ApiKeyView[]; maxLifetimeDays: number | null }

/** Every key of the organization, newest first (at most a few hundred per organization in practice), and its lifetime cap. */
export async function listApiKeys(payload: Payload, organizationId: number, now = new Date()): Promise<ApiKeyList> {
  const { docs } = await payload.find({ collection: 'api-key-records', where: { organization: { equals: organizationId } }, sort: '-createdAt', depth: 0, pagination: false, overrideAccess: true })
  const organization = await payload.findByID({ collection: 'organizations', id: organizationId, depth: 0, overrideAccess: true, select: { apiKeyMaxLifetimeDays: true } })
  const creators = await creatorNames(payload, docs)
  return { keys: docs.map((key) => apiKeyView(key, creators, now)), maxLifetimeDays: organization.apiKeyMaxLifetimeDays ?? null }
}
