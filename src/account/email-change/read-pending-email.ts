import type { Payload } from 'payload'

/** The address waiting for its confirmation link to be opened (null when none, or it expired). */
export async function readPendingEmail(payload: Payload, userId: number): Promise<string | null> {
  const user = await payload.db.findOne<{ id: number; pendingEmail?: string | null; pendingEmailExpiresAt?: string | null }>({ collection: 'users', where: { id: { equals: userId } } })
  if (!user?.pendingEmail || !user.pendingEmailExpiresAt || new Date(user.pendingEmailExpiresAt) <= new Date()) return null
  return user.pendingEmail
}
