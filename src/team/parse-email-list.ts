import { z } from 'zod'

export type ParsedEmailList = { emails: string[]; invalid: string[] }

const Email = z.email()

/**
 * A pasted list of addresses — separated by commas, semicolons, spaces or new lines, possibly as
 * `Name <address>` from a mail client — lowercased and de-duplicated, with what isn't an address kept apart.
 */
export function parseEmailList(input: string | readonly string[]): ParsedEmailList {
  const entries = (typeof input === 'string' ? [input] : input).flatMap((chunk) => chunk.split(/[,;\n\r]+/))
  const emails = new Set<string>()
  const invalid: string[] = []
  for (const entry of entries) {
    const trimmed = entry.trim()
    if (!trimmed) continue
    const address = (trimmed.match(/<([^<>]+)>\s*$/)?.[1] ?? trimmed).trim().toLowerCase()
    for (const candidate of address.includes(' ') ? address.split(/\s+/) : [address]) {
      if (Email.safeParse(candidate).success) emails.add(candidate)
      else invalid.push(candidate)
    }
  }
  return { emails: [...emails], invalid }
}
