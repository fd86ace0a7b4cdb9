import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import type { AuditActor } from '../audit/actor'
import { commitPortalChange } from '../audit/record-portal-change'
import { describeUserAgent } from '../lib/describe-user-agent'
import { consumeLimit } from '../lib/rate-limit/rate-limit'
import { transactionDb } from '../lib/transaction-db'
import type { FeedbackInput } from './feedback-input'
import type { Screenshot } from './feedback-screenshot'

/**
 * Stores the feedback with the context the page can't be trusted to type (browser, plan), audited
 * as the customer, and queues its trip to Linear in the same transaction: it is forwarded if and
 * only if it was saved. Limited per user, so a stuck key can't flood the product team's board.
 */
export async function submitFeedback(
  payload: Payload,
  { userId, organizationId, input, userAgent, actor, screenshot = null }: { userId: number; organizationId: number; input: FeedbackInput; userAgent: string | null; actor: AuditActor; screenshot?: Screenshot | null },
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
    if (screenshot) {
      // Kept in PostgreSQL (the only stateful service), in the same transaction as the feedback it belongs to.
      const db = await transactionDb(req)
      await db.execute(sql`INSERT INTO feedback_screenshots (feedback_id, mime_type, size_bytes, data) VALUES (${feedback.id}, ${screenshot.mimeType}, ${screenshot.bytes.length}, ${screenshot.bytes})`)
      await payload.update({ collection: 'customer-feedback', id: feedback.id, data: { screenshot: `/api/customer-feedback/${feedback.id}/screenshot` }, depth: 0, overrideAccess: true, req })
    }
    await req.payload.jobs.queue({ task: 'forward-feedback', input: { feedbackId: feedback.id }, req })
    return { entityId: feedback.id, after: { type: input.type, section: input.section } }
  })
  return { id: Number(entityId) }
}
