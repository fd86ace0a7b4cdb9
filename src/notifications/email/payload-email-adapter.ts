import { randomUUID } from 'node:crypto'

import type { PayloadEmailAdapter } from 'payload'

import { sendEmail } from './send-email'

const FROM_ADDRESS = 'notifications@portico.example'

/** A plain-text part for mail Payload composes as HTML only. */
const textOf = (html: string) => html.replace(/<a [^>]*>([^<]*)<\/a>/g, '$1').replace(/<[^>]+>/g, '').replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)))

/**
 * Payload's own emails (a staff member's forgot-password in /admin) go out through the portal's one
 * mailer: SMTP_URL, or .eml files under .data/mail. Without an adapter Payload would only log them,
 * reset links included.
 */
export const portalEmailAdapter: PayloadEmailAdapter = () => ({
  name: 'portico',
  defaultFromAddress: FROM_ADDRESS,
  defaultFromName: 'Portico',
  sendEmail: async (message) => {
    const html = typeof message.html === 'string' ? message.html : undefined
    const text = typeof message.text === 'string' ? message.text : textOf(html ?? '')
    return sendEmail({ to: String(message.to), subject: String(message.subject ?? ''), text, html, idempotencyKey: `payload-${randomUUID()}` })
  },
})
