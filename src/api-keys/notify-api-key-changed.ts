import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'

import { transactionDb } from '../lib/transaction-db'

/** The PostgreSQL channel every verifier listens on (src/api-keys/api-key-verifier.ts). */
export const API_KEY_CHANNEL = 'portico_api_keys'

/**
 * Tells every server instance to drop its cached copy of the key with this hash. Sent inside the
 * change's transaction: PostgreSQL delivers it on commit, and never for a rollback.
 */
export async function notifyApiKeyChanged(req: PayloadRequest, secretHash: string): Promise<void> {
  await (await transactionDb(req)).execute(sql`SELECT pg_notify(${API_KEY_CHANNEL}, ${secretHash})`)
}
