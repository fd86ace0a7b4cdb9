import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import { transactionDb } from '../lib/transaction-db'
import { withTransaction } from '../lib/with-transaction'
import { claimDelivery } from './claim-delivery'
import { describeEvent } from './describe-event'
import { notificationEmail } from './email/notification-email'
import { recipientLocale } from './email/recipient-locale'
import { sendEmail } from './email/send-email'
import { createInAppNotification } from './in-app/create-in-app-notification'
import { loadRouting } from './load-routing'
import { recipientLink } from './recipient-link'
import { postToSlack } from './slack/post-to-slack'

export type DeliveryOutcome = 'sent' | 'skipped'

/**
 * Sends one delivery inside the transaction that claims it (a row lock) and records it sent, so
 * among workers it is sent once, and a crash before the commit leaves it unsent for the next try.
 * The one gap no database closes: a receiver that accepted the message just before the crash gets
 * it again on the retry. Emails carry a Message-ID derived from the delivery key, so receivers
 * that dedupe by it (most MTAs and clients) show one; Slack may show two.
 * A failure records the error (failed after the last attempt, so staff can retry it) and
 * rethrows for the job's backoff. The portal write that caused it committed long ago.
 */
export async function deliverNotification(payload: Payload, deliveryId: number, { finalAttempt }: { finalAttempt: boolean }): Promise<DeliveryOutcome> {
  try {
    return await withTransaction(payload, async (req): Promise<DeliveryOutcome> => {
      if (!(await claimDelivery(req, deliveryId))) return 'skipped'
      const delivery = await payload.findByID({ collection: 'notification-deliveries', id: deliveryId, depth: 0, overrideAccess: true, req })
      const eventId = typeof delivery.event === 'object' ? delivery.event.id : delivery.event
      const event = await payload.findByID({ collection: 'portal-events', id: eventId, depth: 0, overrideAccess: true, req })
      const message = await describeEvent(req, event)
      let mailFile: string | null = null
      if (delivery.channel === 'slack') {
        const { slackWebhookUrl } = await loadRouting(payload, req)
        if (!slackWebhookUrl) throw new Error('No Slack webhook is configured (notification settings or SLACK_WEBHOOK_URL).')
        await postToSlack(slackWebhookUrl, message)
      } else {
        const recipientUser = typeof delivery.recipientUser === 'object' ? delivery.recipientUser?.id : delivery.recipientUser
        const link = await recipientLink(req, recipientUser, typeof event.organization === 'object' ? event.organization?.id : event.organization)
        if (delivery.channel === 'email') {
          const { subject, text } = notificationEmail({ eventType: event.type, message, link, recipientLocale: await recipientLocale(req, recipientUser) })
          ;({ mailFile } = await sendEmail({ to: delivery.recipient, subject, text, idempotencyKey: delivery.key }))
        } else {
          await createInAppNotification(req, delivery, event, message, link.path)
        }
      }
      // One statement on the claim's transaction (Payload's update read the row twice around it); no hook acts on a send.
      await (await transactionDb(req)).execute(
        sql`UPDATE notification_deliveries SET status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = NULL, subject = ${message.title}, mail_file = ${mailFile}, updated_at = now() WHERE id = ${deliveryId}`,
      )
      return 'sent'
    })
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    payload.logger.warn({ deliveryId, finalAttempt, reason }, finalAttempt ? 'delivery failed for good; staff can retry it in /admin' : 'delivery failed; will retry')
    await payload.db.pool.query(
      `UPDATE notification_deliveries SET status = $2, attempts = attempts + 1, last_error = $3, updated_at = now() WHERE id = $1 AND status <> 'sent'`,
      [deliveryId, finalAttempt ? 'failed' : 'retrying', reason],
    )
    throw error
  }
}
