import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'

import { type ParsedMail, simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

import { freePort } from '../../scripts/lib/free-port'

export type SmtpReceiverOptions = {
  /** Listen on this port (e.g. one the portal was pointed at before the receiver was up); a free one otherwise. */
  port?: number
  /**
   * Also store every message as an .eml file in this folder, so tests in other processes can read
   * what the portal sent (the e2e setup; see mailbox.ts).
   */
  dir?: string
}

export type SmtpReceiver = {
  url: string
  port: number
  /** Every message accepted so far, parsed, in arrival order. */
  received: ParsedMail[]
  stop: () => Promise<void>
}

/** A real SMTP server on loopback (no TLS, no auth) that accepts every message it is sent. */
export async function startSmtpReceiver({ port, dir }: SmtpReceiverOptions = {}): Promise<SmtpReceiver> {
  if (dir) await mkdir(dir, { recursive: true })
  const listenPort = port ?? (await freePort())
  const received: ParsedMail[] = []
  let count = 0
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks)
        count += 1
        const file = dir ? path.join(dir, `${Date.now()}-${String(count).padStart(5, '0')}.eml`) : undefined
        Promise.all([file ? writeFile(file, raw) : undefined, simpleParser(raw)])
          .then(([, mail]) => {
            received.push(mail)
            callback()
          })
          .catch(callback)
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(listenPort, '127.0.0.1', resolve))
  return { url: `smtp://127.0.0.1:${listenPort}`, port: listenPort, received, stop: () => new Promise((resolve) => server.close(() => resolve())) }
}
