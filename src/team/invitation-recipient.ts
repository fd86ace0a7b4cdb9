import type { PayloadRequest } from 'payload'

/**
 * The language and time zone of the person an invitation goes to, when the address already has an
 * account (invited to a second organization); null for someone new, whose email uses the product's default.
 */
export async function invitationRecipient(req: PayloadRequest, email: string): Promise<{ locale?: string | null; timeZone?: string | null } | null> {
  const { docs } = await req.payload.find({ collection: 'users', where: { email: { equals: email.toLowerCase() } }, depth: 0, limit: 1, pagination: false, overrideAccess: true, req, select: { locale: true, timeZone: true } })
  return docs[0] ?? null
}
