import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'

import { SMTPServer } from 'smtp-server'

import { freePort } from '../../scripts/lib/free-port'

export type SmtpReceiver = { url: string; port: number; stop: () => Promise<void> }

/**
 * A real SMTP server on loopback that stores every message it accepts as an .eml file in `dir`,
 * so tests in other processes can read what the portal sent.
 */
export async function startSmtpReceiver(dir: string): Promise<SmtpReceiver> {
  await mkdir(dir, { recursive: true })
  const port = await freePort()
  let count = 0
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        count += 1
        const file = path.join(dir, `${Date.now()}-${String(count).padStart(5, '0')}.eml`)
        writeFile(file, Buffer.concat(chunks)).then(() => callback(), callback)
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return { url: `smtp://127.0.0.1:${port}`, port, stop: () => new Promise((resolve) => server.close(() => resolve())) }
}
