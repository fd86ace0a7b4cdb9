import { sql } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'

import { transactionDb } from './transaction-db'
import { withTransaction } from './with-transaction'

/** First key of each of our advisory locks; one place, so two domains never share a namespace. */
const LOCK_NAMESPACES = {
  /** Second key: the organization id. */
  team: 4_201,
  /** Second key: the organization id. */
  apiKeys: 4_202,
  /** Second key: the user id (a member's preferences, across organizations). */
  notificationPreferences: 4_203,
  /** Second key: the organization id (its usage budget alerts, checked after each batch). */
  usageThresholds: 4_204,
} as const

export type LockNamespace = keyof typeof LOCK_NAMESPACES

/**
 * Runs `work` in one transaction holding a PostgreSQL advisory lock on (namespace, key): writes
 * that take the same lock run one after the other, and each reads, after the lock, what the
 * previous one committed (READ COMMITTED re-reads per statement). Released at commit or rollback.
 * An advisory lock rather than `FOR UPDATE` on a parent row: audit rows and events reference the
 * organization row, and their foreign-key checks would queue behind a row lock.
 */
export async function inLockedTransaction<T>(
  payload: Payload,
  lock: { namespace: LockNamespace; key: number },
  work: (req: PayloadRequest) => Promise<T>,
  base: Partial<PayloadRequest> = {},
): Promise<T> {
  return withTransaction(
    payload,
    async (req) => {
      await lockInTransaction(req, lock)
      return work(req)
    },
    base,
  )
}

/** The same lock taken partway through the transaction `req` already holds (released at its commit or rollback). */
export async function lockInTransaction(req: PayloadRequest, lock: { namespace: LockNamespace; key: number }): Promise<void> {
  await (await transactionDb(req)).execute(sql`SELECT pg_advisory_xact_lock(${LOCK_NAMESPACES[lock.namespace]}, ${lock.key})`)
}
