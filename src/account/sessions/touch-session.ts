import type { Payload } from 'payload'

/**
 * Marks a session as seen. At most one write a minute per session: the WHERE makes the repeat
 * visits of that minute a no-op read, so this can run on every portal request.
 */
export async function touchSession(payload: Payload, sid: string): Promise<void> {
  await payload.db.pool.query(
    `UPDATE user_sessions SET last_seen_at = now() WHERE sid = $1 AND (last_seen_at IS NULL OR last_seen_at < now() - interval '1 minute')`,
    [sid],
  )
}
