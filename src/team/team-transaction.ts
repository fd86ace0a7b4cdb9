import { sql } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'

import { transactionDb } from '../lib/transaction-db'
import { withTransaction } from '../lib/with-transaction'

/** Namespace of our advisory locks (first key); the organization id is the second. */
const TEAM_LOCK_NAMESPACE = 4_201

/**
 * Runs a team change in one transaction holding a PostgreSQL advisory lock on the organization's
 * team. Every team write (invite, accept, role change, removal, transfer, leave) takes it first, so
 * they serialize per organization: two role changes both apply and both audit in order, two
 * transfers leave exactly one owner, a seat can't be taken twice. `work` must read what it checks
 * (roles, statuses, counts) after the lock — under READ COMMITTED each statement then sees the
 * other's committed result. The lock is released at commit or rollback.
 *
 * The transaction runs without a Payload user: the domain has already decided with `canPerform`,
 * and the membership hooks that guard direct REST writes would otherwise refuse the owner's own
 * demotion that a transfer needs.
 *
 * An advisory lock rather than `FOR UPDATE` on the organization row (src/lib/lock-row.ts): every
 * audit row and event references that row, and their foreign-key checks would queue behind team changes.
 */
export async function inTeamTransaction<T>(payload: Payload, organizationId: number, work: (req: PayloadRequest) => Promise<T>): Promise<T> {
  return withTransaction(payload, async (req) => {
    await (await transactionDb(req)).execute(sql`SELECT pg_advisory_xact_lock(${TEAM_LOCK_NAMESPACE}, ${organizationId})`)
    return work(req)
  })
}
