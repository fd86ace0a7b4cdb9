import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'

import nodemailer from 'nodemailer'

import { mailDirectory } from './mail-directory'

export type OutgoingEmail = { to: string; subject: string; text: string; html?: string; idempotencyKey: string }

const FROM = () => process.env.MAIL_FROM || 'Portico <notifications@portico.example>'

/**
 * Sends through SMTP_URL when set. Without it (the embedded demo) the raw message is written to
 * .data/mail as an .eml file, which /admin lists on the delivery. The Message-ID derives from the
 * delivery key, so a receiver that dedupes by Message-ID sees one message per delivery.
 */
export async function sendEmail(email: OutgoingEmail): Promise<{ mailFile: string | null }> {
  const message = {
    from: FROM(),
    to: email.to,
    subject: email.subject,
    text: email.text,
    html: email.html,
    messageId: `<${email.idempotencyKey.replace(/[^a-zA-Z0-9.-]/g, '.')}@portico>`,
  }
  if (process.env.SMTP_URL) {
    // A fresh transport per message: a server that was down a minute ago gets a fresh connection.
    const transport = nodemailer.createTransport(process.env.SMTP_URL, { connectionTimeout: 10_000, socketTimeout: 20_000 })
    try {
      await transport.sendMail(message)
    } finally {
      transport.close()
    }
    return { mailFile: null }
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
  const { message: raw } = await transport.sendMail(message)
  const directory = mailDirectory()
  await mkdir(directory, { recursive: true })
  const file = path.join(directory, `${new Date().toISOString().replace(/[:.]/g, '-')}-${email.idempotencyKey.replace(/[^a-zA-Z0-9-]/g, '_')}.eml`)
  await writeFile(file, raw as Buffer)
  return { mailFile: path.basename(file) }
}
