import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'

import { type ParsedMail, simpleParser } from 'mailparser'
import { inject } from 'vitest'

/** Messages the e2e portal sent, as received by the local SMTP receiver (see e2e-setup). */
export async function readMailbox(dir = inject('mailDir')): Promise<ParsedMail[]> {
  const files = (await readdir(dir).catch(() => [])).filter((file) => file.endsWith('.eml')).sort()
  return Promise.all(files.map(async (file) => simpleParser(await readFile(path.join(dir, file)))))
}

const addressesOf = (mail: ParsedMail) =>
  [mail.to].flat().flatMap((field) => field?.value.map((address) => address.address?.toLowerCase()) ?? [])

/** Waits (polling) for a message to `to` whose subject matches; fails with what did arrive. */
export async function waitForMail(to: string, subject: RegExp, { timeoutMs = 30_000, after = 0 } = {}): Promise<ParsedMail> {
  const deadline = Date.now() + timeoutMs
  let seen: ParsedMail[] = []
  while (Date.now() < deadline) {
    seen = await readMailbox()
    const match = seen.find((mail) => (mail.date?.getTime() ?? Date.now()) >= after && addressesOf(mail).includes(to.toLowerCase()) && subject.test(mail.subject ?? ''))
    if (match) return match
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`No mail to ${to} matching ${subject} within ${timeoutMs} ms. Received: ${seen.map((mail) => `${addressesOf(mail).join(',')}: ${mail.subject}`).join(' | ') || 'nothing'}`)
}
