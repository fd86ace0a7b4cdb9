import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import { requestDb } from '../../lib/transaction-db'

/** The address waiting for its confirmation link to be opened (null when none, or it expired). One indexed read of two columns. */
export async function readPendingEmail(payload: Payload, userId: number): Promise<string | null> {
  const { rows } = await (await requestDb(payload, undefined)).execute(
    sql`SELECT pending_email FROM users WHERE id = ${userId} AND pending_email IS NOT NULL AND pending_email_expires_at > now()`,
  )
  return (rows[0] as { pending_email: string } | undefined)?.pending_email ?? null
}
