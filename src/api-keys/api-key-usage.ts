import type { Payload } from 'payload'

/** How often recorded uses are written: each key's last use reaches the database at most this often. */
export const USAGE_FLUSH_MS = 60_000

type Use = { at: number; ip: string | null }

export type UsageRecorder = {
  record: (keyId: number, at: number, ip: string | null) => void
  /** Writes what has been recorded since the last flush, one statement for all keys. */
  flush: () => Promise<void>
  stop: () => Promise<void>
}

/**
 * `lastUsedAt` / `lastUsedIp` without a write per verification: uses are kept in memory (the
 * latest per key) and written in one batch every minute, and on stop. Not an audited portal
 * change: it is telemetry about the key, like a session's last activity, and it never moves
 * `updated_at`. A write never goes backwards in time (several instances flush independently).
 */
export function startUsageRecorder(payload: Payload, flushMs = USAGE_FLUSH_MS): UsageRecorder {
  let pending = new Map<number, Use>()
  const flush = async () => {
    if (pending.size === 0) return
    const batch = pending
    pending = new Map()
    const ids = [...batch.keys()]
    const uses = [...batch.values()]
    try {
      await payload.db.pool.query(
        `UPDATE api_keys AS k SET last_used_at = u.at, last_used_ip = u.ip
           FROM unnest($1::int[], $2::timestamptz[], $3::text[]) AS u(id, at, ip)
          WHERE k.id = u.id AND (k.last_used_at IS NULL OR k.last_used_at < u.at)`,
        [ids, uses.map((use) => new Date(use.at).toISOString()), uses.map((use) => use.ip)],
      )
    } catch (error) {
      payload.logger.warn({ err: error }, 'api keys: recording last use failed; it is retried with the next batch')
      for (const [id, use] of batch) if (!pending.has(id)) pending.set(id, use)
    }
  }
  const timer = setInterval(() => void flush(), flushMs)
  timer.unref()
  return {
    record: (keyId, at, ip) => {
      pending.set(keyId, { at, ip })
    },
    flush,
    stop: async () => {
      clearInterval(timer)
      await flush()
    },
  }
}
