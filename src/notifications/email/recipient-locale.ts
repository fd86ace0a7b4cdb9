import type { PayloadRequest } from 'payload'

/** The profile locale of the user an email goes to (users.locale); null when the address has no account. */
export async function recipientLocale(req: PayloadRequest, userId: number | null | undefined): Promise<string | null> {
  if (!userId) return null
  const user = await req.payload.findByID({ collection: 'users', id: userId, depth: 0, overrideAccess: true, req, disableErrors: true, select: { locale: true } })
  return user?.locale ?? null
}
