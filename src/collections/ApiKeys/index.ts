import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/nobody'
import { scopedToOrganizations } from '../../access/organizations-allowing'
import { API_KEY_ENVIRONMENTS } from '../../api-keys/scope-catalog'

/**
 * API keys of an organization. Only a display prefix and an HMAC of the secret are stored; the
 * hash is readable by no API (staff included) and the secret itself is never stored. Every write
 * goes through src/api-keys (permission, audit, event, cache invalidation), so no API may write.
 * Status is derived: revoked when `revokedAt` is set, expired once `expiresAt` has passed.
 * The slug isn't `api-keys`: /api/api-keys is the portal's route, and Next would send Payload's
 * REST path for the collection (the admin's calls included) there too. The table keeps its name.
 */
export const ApiKeys: CollectionConfig = {
  slug: 'api-key-records',
  dbName: 'api_keys',
  labels: { singular: 'API key', plural: 'API keys' },
  typescript: { interface: 'ApiKey' },
  admin: { group: 'Customers', useAsTitle: 'name', defaultColumns: ['name', 'prefix', 'organization', 'environment', 'expiresAt', 'revokedAt', 'lastUsedAt'] },
  defaultSort: '-createdAt',
  access: { read: scopedToOrganizations('apikeys.read'), create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'organization', type: 'relationship', relationTo: 'organizations', required: true, index: true },
    { name: 'name', type: 'text', required: true, maxLength: 100 },
    { name: 'prefix', type: 'text', required: true, admin: { description: 'The first characters of the key, for recognising it. The rest is never stored.' } },
    { name: 'secretHash', type: 'text', required: true, unique: true, index: true, access: { read: nobody, update: nobody }, admin: { hidden: true } },
    { name: 'scopes', type: 'json', required: true },
    { name: 'environment', type: 'select', required: true, options: API_KEY_ENVIRONMENTS.map((value) => ({ label: value, value })) },
    { name: 'createdBy', type: 'relationship', relationTo: 'users' },
    { name: 'expiresAt', type: 'date', index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'revokedAt', type: 'date' },
    { name: 'revokedBy', type: 'relationship', relationTo: 'users' },
    { name: 'rotatedFrom', type: 'relationship', relationTo: 'api-key-records', admin: { description: 'The key this one replaced.' } },
    { name: 'lastUsedAt', type: 'date', admin: { description: 'Recorded at most once a minute per key.' } },
    { name: 'lastUsedIp', type: 'text' },
    // Expiry notices already sent, so each goes out once per key and threshold.
    { name: 'warnedSevenDaysAt', type: 'date', admin: { hidden: true } },
    { name: 'warnedOneDayAt', type: 'date', admin: { hidden: true } },
    { name: 'expiredNotifiedAt', type: 'date', admin: { hidden: true } },
  ],
}
