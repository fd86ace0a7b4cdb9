import type { CollectionBeforeDeleteHook, CollectionSlug } from 'payload'

/**
 * Rows that belong to the document being deleted (required relationships to it): removed in the
 * delete's own transaction, at the database level, before it. PostgreSQL's `ON DELETE SET NULL`
 * on those columns would otherwise fail the delete on their NOT NULL constraint. The audit trail
 * keeps its rows (its references are nullable and it carries labels); only the delete itself is
 * audited, not the rows that go with it.
 */
export const removeDependents =
  (dependents: ReadonlyArray<readonly [CollectionSlug, string]>): CollectionBeforeDeleteHook =>
  async ({ id, req }) => {
    for (const [collection, field] of dependents) {
      await req.payload.db.deleteMany({ collection, where: { [field]: { equals: id } }, req })
    }
  }
