import { APIError, type CollectionBeforeChangeHook, type CollectionBeforeDeleteHook } from 'payload'

/**
 * Access functions are skipped by Local API calls that don't pass a user, so the trail also refuses
 * edits here; a database trigger (see the migration) covers SQL that bypasses Payload entirely.
 */
const beforeChange: CollectionBeforeChangeHook = ({ operation, data }) => {
  if (operation === 'update') throw new APIError('Audit entries are append-only.', 403, null, true)
  return data
}

const beforeDelete: CollectionBeforeDeleteHook = () => {
  throw new APIError('Audit entries are append-only.', 403, null, true)
}

export const refuseChanges = { beforeChange, beforeDelete }
