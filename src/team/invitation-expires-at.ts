const DEFAULT_TTL_DAYS = 7

/** When an invitation sent at `now` stops working: INVITATION_TTL_DAYS (default 7) later. */
export function invitationExpiresAt(now: Date, env: Record<string, string | undefined> = process.env): Date {
  const days = Number(env.INVITATION_TTL_DAYS)
  const ttl = Number.isFinite(days) && days > 0 ? days : DEFAULT_TTL_DAYS
  return new Date(now.getTime() + ttl * 24 * 60 * 60 * 1000)
}
