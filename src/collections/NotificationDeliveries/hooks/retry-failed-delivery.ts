import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import { queueDelivery } from '../../../notifications/queue-delivery'

/** "Retry delivery" on a failed row puts it back to pending; the checkbox itself is never stored as ticked. */
const beforeChange: CollectionBeforeChangeHook = ({ data, originalDoc, operation }) => {
  if (operation !== 'update' || !data.retry) return data
  const retrying = originalDoc?.status === 'failed'
  return { ...data, retry: false, ...(retrying ? { status: 'pending' } : {}) }
}

/** Queued with the same `req`, so the job exists exactly when the status change commits. */
const afterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (operation === 'update' && previousDoc?.status === 'failed' && doc.status === 'pending') await queueDelivery(req, doc.id)
  return doc
}

export const retryFailedDelivery = { beforeChange, afterChange }
