import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import { recordPortalChange } from '../audit/record-portal-change'
import { transactionDb } from '../lib/transaction-db'
import { withTransaction } from '../lib/with-transaction'
import { apiKeyLabel } from './create-api-key'

const DAY_MS = 86_400_000

/**
 * The notices, latest first: a key past its expiry gets `api_key.expired`; one within a day gets
 * the one-day warning (and its seven-day mark too, so a key made to last three days hears once);
 * one within seven days the seven-day warning. A key already replaced by a rotation is retiring on
 * purpose, so it gets no warnings — but its expiry is still recorded.
 */
const NOTICES = [
  { column: 'expired_notified_at', alsoMarks: ['warned_one_day_at', 'warned_seven_days_at'], within: 0, action: 'api_key.expired', threshold: null, skipRotated: false },
  { column: 'warned_one_day_at', alsoMarks: ['warned_seven_days_at'], within: DAY_MS, action: 'api_key.expiring', threshold: '1d', skipRotated: true },
  { column: 'warned_seven_days_at', alsoMarks: [], within: 7 * DAY_MS, action: 'api_key.expiring', threshold: '7d', skipRotated: true },
] as const

type Due = { id: number; organization_id: number; name: string; prefix: string; expires_at: Date }

/**
 * Sends each due expiry notice once per key and threshold, through the write path (audit row +
 * event to owners and admins, by their preferences, and Slack). Each notice claims its mark with a
 * conditional UPDATE in the same transaction as its audit row and event, so two workers running
 * the sweep at once can't send one twice. Returns how many were sent.
 */
export async function sendApiKeyExpiryNotices(payload: Payload, now = new Date()): Promise<number> {
  let sent = 0
  for (const notice of NOTICES) {
    const horizon = new Date(now.getTime() + notice.within)
    const { rows } = await payload.db.pool.query<Due>(
      `SELECT id, organization_id, name, prefix, expires_at FROM api_keys k
        WHERE revoked_at IS NULL AND expired_notified_at IS NULL AND expires_at IS NOT NULL AND expires_at <= $1
          AND ${notice.column} IS NULL
          ${notice.skipRotated ? 'AND NOT EXISTS (SELECT 1 FROM api_keys successor WHERE successor.rotated_from_id = k.id)' : ''}
        ORDER BY expires_at LIMIT 500`,
      [horizon.toISOString()],
    )
    for (const key of rows) {
      const claimed = await withTransaction(payload, async (req) => {
        const marks = [notice.column, ...notice.alsoMarks].map((column) => sql`${sql.identifier(column)} = coalesce(${sql.identifier(column)}, ${now.toISOString()}::timestamptz)`)
        const update = await (await transactionDb(req)).execute(sql`UPDATE api_keys SET ${sql.join(marks, sql`, `)} WHERE id = ${key.id} AND ${sql.identifier(notice.column)} IS NULL AND revoked_at IS NULL RETURNING id`)
        if (update.rows.length === 0) return false
        const expiresAt = key.expires_at.toISOString()
        await recordPortalChange(
          req,
          {
            actor: { kind: 'system', label: 'system' },
            organization: key.organization_id,
            entity: { type: 'api-keys', id: key.id },
            action: notice.action,
            event: { type: notice.action, data: { changes: { key: [apiKeyLabel(key), null] }, expiresAt, ...(notice.threshold ? { threshold: notice.threshold } : {}) } },
          },
          async () => ({ after: { expiresAt, ...(notice.threshold ? { threshold: notice.threshold } : {}) } }),
        )
        return true
      })
      if (claimed) sent++
    }
  }
  return sent
}
