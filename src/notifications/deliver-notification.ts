import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import { transactionDb } from '../lib/transaction-db'
import { withTransaction } from '../lib/with-transaction'
import type { PortalEvent } from '../payload-types'
import { claimDelivery } from './claim-delivery'
import { describeEvent, type EventMessage } from './describe-event'
import { notificationEmail } from './email/notification-email'
import { recipientLocale } from './email/recipient-locale'
import { sendEmail } from './email/send-email'
import { createInAppNotification } from './in-app/create-in-app-notification'
import { loadRouting } from './load-routing'
import { recipientLink } from './recipient-link'
import { postToSlack } from './slack/post-to-slack'

export type DeliveryOutcome = 'sent' | 'skipped'

/**
 * What a dispatch batch already read about the delivery's event: its row, its message and the
 * routing's Slack URL, so a first try reads none of them again. Used only when it is this event.
 */
export type KnownEvent = { event: PortalEvent; message: EventMessage; slackWebhookUrl: string | null }

/**
 * Sends one delivery inside the transaction that claims it (a row lock) and records it sent, so
 * among workers it is sent once, and a crash before the commit leaves it unsent for the next try.
 * The one gap no database closes: a receiver that accepted the message just before the crash gets
 * it again on the retry. Emails carry a Message-ID derived from the delivery key, so receivers
 * that dedupe by it (most MTAs and clients) show one; Slack may show two.
 * A failure records the error (failed after the last attempt, so staff can retry it) and
 * rethrows for the job's backoff. The portal write that caused it committed long ago.
 */
export async function deliverNotification(payload: Payload, deliveryId: number, { finalAttempt, known }: { finalAttempt: boolean; known?: KnownEvent }): Promise<DeliveryOutcome> {
  try {
    return await withTransaction(payload, async (req): Promise<DeliveryOutcome> => {
      const delivery = await claimDelivery(req, deliveryId)
      if (!delivery) return 'skipped'
      const reuse = known?.event.id === delivery.eventId ? known : undefined
      const event = reuse?.event ?? (await payload.findByID({ collection: 'portal-events', id: delivery.eventId, depth: 0, overrideAccess: true, req }))
      const message = reuse?.message ?? (await describeEvent(req, event))
      let mailFile: string | null = null
      if (delivery.channel === 'slack') {
        const slackWebhookUrl = reuse ? reuse.slackWebhookUrl : (await loadRouting(payload, req)).slackWebhookUrl
        if (!slackWebhookUrl) throw new Error('No Slack webhook is configured (notification settings or SLACK_WEBHOOK_URL).')
        await postToSlack(slackWebhookUrl, message)
      } else {
        const link = await recipientLink(req, delivery.recipientUser, typeof event.organization === 'object' ? event.organization?.id : event.organization)
        if (delivery.channel === 'email') {
          const { subject, text } = notificationEmail({ eventType: event.type, message, link, recipientLocale: await recipientLocale(req, delivery.recipientUser) })
          ;({ mailFile } = await sendEmail({ to: delivery.recipient, subject, text, idempotencyKey: delivery.key }))
        } else {
          const doc = await payload.findByID({ collection: 'notification-deliveries', id: deliveryId, depth: 0, overrideAccess: true, req })
          await createInAppNotification(req, doc, event, message, link.path)
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
