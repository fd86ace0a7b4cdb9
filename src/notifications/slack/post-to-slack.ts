import { request } from 'undici'

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

const SLACK_TIMEOUT_MS = 10_000

/**
 * One POST, no retries of its own: the job queue retries with backoff and keeps the attempt count.
 * undici's `request` (Node's own HTTP client, kept-alive pooled per origin) rather than fetch: the
 * outbox bench put fetch's streams, abort signals and Response objects at ~40% of a runner's CPU.
 */
export async function postToSlack(webhookUrl: string, message: EventMessage): Promise<void> {
  const response = await request(webhookUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(slackMessage(message)),
    headersTimeout: SLACK_TIMEOUT_MS,
    bodyTimeout: SLACK_TIMEOUT_MS,
  })
  const body = await response.body.text()
  // Slack says why in the body (`invalid_payload`, `channel_not_found`…): kept for staff as the delivery's last error.
  if (response.statusCode < 200 || response.statusCode >= 300) throw new Error(`Slack answered ${response.statusCode}: ${body.slice(0, 200)}`)
}
