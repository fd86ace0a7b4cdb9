import type { CollectionConfig, GlobalConfig } from 'payload'

import { auditCollection, auditGlobal } from './audit-payload-change'

/**
 * Adds the audit hooks to every collection and global it is given, in payload.config.ts, so a new
 * collection is audited by being listed there rather than by someone remembering to add hooks.
 */
export const withAuditTrail = (collections: CollectionConfig[]): CollectionConfig[] =>
  collections.map((collection) => ({
    ...collection,
    hooks: {
      ...collection.hooks,
      afterChange: [...(collection.hooks?.afterChange ?? []), auditCollection.afterChange],
      afterDelete: [...(collection.hooks?.afterDelete ?? []), auditCollection.afterDelete],
    },
  }))

export const withAuditTrailGlobals = (globals: GlobalConfig[]): GlobalConfig[] =>
  globals.map((global) => ({ ...global, hooks: { ...global.hooks, afterChange: [...(global.hooks?.afterChange ?? []), auditGlobal] } }))
