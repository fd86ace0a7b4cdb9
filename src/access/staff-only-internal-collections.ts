import type { Access, SanitizedConfig } from 'payload'

import { isStaff } from './actor-memberships'

const OPERATIONS = ['create', 'read', 'update', 'delete'] as const

/**
 * Payload adds its own collections while sanitizing the config (`payload-locked-documents`,
 * `payload-preferences`, `payload-migrations`, `payload-jobs` …) with access for any signed-in
 * user — customers included, who could then lock staff out of any document. They serve the admin
 * panel only: staff keep whatever access Payload gives them, everyone else gets none.
 */
export async function staffOnlyInternalCollections(config: Promise<SanitizedConfig>): Promise<SanitizedConfig> {
  const sanitized = await config
  for (const collection of sanitized.collections) {
    if (!collection.slug.startsWith('payload-')) continue
    for (const operation of OPERATIONS) {
      const original: Access | undefined = collection.access[operation]
      collection.access[operation] = (args) => (isStaff(args.req) ? (original ? original(args) : true) : false)
    }
  }
  return sanitized
}
