import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import { requestDb } from '../lib/transaction-db'

/**
 * How many of the member's notifications in the organization are unread: the header bell's number
 * on every page, so one index-only count (user, organization, read_at) rather than a Local API find
 * and count with their access checks. Callers pass the session's user and its current organization,
 * which the session statement has already proved they belong to.
 */
export async function countUnreadNotifications(payload: Payload, { userId, organizationId }: { userId: number; organizationId: number }): Promise<number> {
  const { rows } = await (await requestDb(payload, undefined)).execute(
    sql`SELECT count(*)::int AS unread FROM notifications WHERE user_id = ${userId} AND organization_id = ${organizationId} AND read_at IS NULL`,
  )
  return Number((rows[0] as { unread: number }).unread)
}
