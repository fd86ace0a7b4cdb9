import { IncomingWebhook } from '@slack/webhook'

import type { EventMessage } from '../describe-event'

const mrkdwnEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** A Block Kit message for the support channel: what happened, where, who did it, and a link to the admin record. */
export function slackMessage(message: EventMessage) {
  const where = message.organizationName ?? 'no organization'
  return {
    text: `${message.title} — ${where} (by ${message.actor})`,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: message.title.slice(0, 150) } },
      {
        type: 'section',
        fields: [
          { type: 'mrkdwn', text: `*Organization*\n${mrkdwnEscape(where)}` },
          { type: 'mrkdwn', text: `*Actor*\n${mrkdwnEscape(message.actor)}` },
          ...(message.subject ? [{ type: 'mrkdwn', text: `*About*\n${mrkdwnEscape(message.subject)}` }] : []),
        ],
      },
      ...(message.changes.length
        ? [{ type: 'section', text: { type: 'mrkdwn', text: message.changes.map((line) => `• ${mrkdwnEscape(line)}`).join('\n').slice(0, 2900) } }]
        : []),
      { type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open in admin' }, url: message.adminUrl }] },
    ],
  }
}

/** One POST, no retries of its own: the job queue retries with backoff and keeps the attempt count. */
export async function postToSlack(webhookUrl: string, message: EventMessage): Promise<void> {
  await new IncomingWebhook(webhookUrl, { timeout: 10_000 }).send(slackMessage(message))
}
