import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import { queueStripeEventProcessing } from '../../../billing/webhooks/queue-stripe-event-processing'

const REQUEUED = 'porticoStripeEventRequeued'

/** Staff ticked "retry": back to `received`, and (after the write) a fresh processing job. */
const beforeChange: CollectionBeforeChangeHook = ({ data, operation, context }) => {
  if (operation !== 'update' || !data.retry) return data
  context[REQUEUED] = true
  return { ...data, retry: false, status: 'received', reason: null }
}

const afterChange: CollectionAfterChangeHook = async ({ doc, req, context }) => {
  if (context[REQUEUED]) await queueStripeEventProcessing(req, doc.id)
  return doc
}

export const requeueOnRetry = { beforeChange, afterChange }
