import type { CollectionAfterChangeHook } from 'payload'

import { actorFromRequest } from '../../../audit/actor'
import { recordPortalChange } from '../../../audit/record-portal-change'
import { extractIdOrNull } from '../../../lib/extract-id'
import type { CustomerFeedback } from '../../../payload-types'

/**
 * When staff mark feedback shipped, the customer who sent it hears so (in the app, by default):
 * an audited change with a `feedback.shipped` event about them, in the same transaction as the edit.
 */
export const announceShipped: CollectionAfterChangeHook<CustomerFeedback> = async ({ doc, previousDoc, operation, req }) => {
  if (operation !== 'update' || doc.status !== 'shipped' || previousDoc?.status === 'shipped') return doc
  await recordPortalChange(
    req,
    {
      actor: actorFromRequest(req),
      organization: extractIdOrNull(doc.organization),
      entity: { type: 'feedback', id: doc.id },
      action: 'feedback.shipped',
      event: { type: 'feedback.shipped', data: { subjectUserId: extractIdOrNull(doc.user), changes: { status: [previousDoc?.status ?? null, 'shipped'], feedback: [null, doc.message.slice(0, 140)] } } },
    },
    async () => ({ entityId: doc.id, after: { status: 'shipped' } }),
  )
  return doc
}
