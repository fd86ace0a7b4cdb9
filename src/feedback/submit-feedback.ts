import type { Payload } from 'payload'

import type { AuditActor } from '../audit/actor'
import { commitPortalChange } from '../audit/record-portal-change'
import { describeUserAgent } from '../lib/describe-user-agent'
import { consumeLimit } from '../lib/rate-limit/rate-limit'
import type { FeedbackInput } from './feedback-input'

/**
 * Stores the feedback with the context the page can't be trusted to type (browser, plan), audited
 * as the customer, and queues its trip to Linear in the same transaction: it is forwarded if and
 * only if it was saved. Limited per user, so a stuck key can't flood the product team's board.
 */
export async function submitFeedback(
  payload: Payload,
  { userId, organizationId, input, userAgent, actor }: { userId: number; organizationId: number; input: FeedbackInput; userAgent: string | null; actor: AuditActor },
): Promise<{ id: number }> {
  await consumeLimit(payload, 'feedback:user', [String(userId)])
  const organization = await payload.findByID({ collection: 'organizations', id: organizationId, depth: 0, overrideAccess: true })
  const { browser, os } = describeUserAgent(userAgent)
  const { entityId } = await commitPortalChange(payload, { actor, organization: organizationId, entity: { type: 'feedback' }, action: 'feedback.submitted' }, async (req) => {
    const feedback = await payload.create({
      collection: 'customer-feedback',
      data: {
        type: input.type,
        section: input.section,
        message: input.message,
        user: userId,
        organization: organizationId,
        context: { page: input.page, lastError: input.lastError, browser: [browser, os].filter(Boolean).join(' on ') || null, plan: organization.plan?.productName ?? null },
        status: 'new',
      },
      depth: 0,
      overrideAccess: true,
      req,
    })
    await req.payload.jobs.queue({ task: 'forward-feedback', input: { feedbackId: feedback.id }, req })
    return { entityId: feedback.id, after: { type: input.type, section: input.section } }
  })
  return { id: Number(entityId) }
}
