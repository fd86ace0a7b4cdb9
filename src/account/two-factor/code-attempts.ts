import type { Payload } from 'payload'

import { type Principal, principalOf, tablesOf } from './principal'

/** Wrong codes allowed before the challenge locks. */
export const MAX_CODE_ATTEMPTS = 5
const FIRST_LOCK_SECONDS = 30
const LONGEST_LOCK_SECONDS = 60 * 60

export type AttemptClaim = { allowed: true } | { allowed: false; retryAfterSeconds: number }

/**
 * Takes one code attempt for the principal (customer or staff) BEFORE the code is checked, in one UPDATE: the fifth attempt
 * in a row arms a lock of 30 s, then 60 s, 2 min… (doubling per lock, at most an hour), and while
 * it holds no attempt is granted. Parallel guesses each need their own row update, so a burst
 * can't check more than five codes. State is in PostgreSQL: every server instance sees it.
 */
export async function claimCodeAttempt(payload: Payload, subject: Principal | number): Promise<AttemptClaim> {
  const { collection, id } = principalOf(subject)
  const table = tablesOf(collection).row
  const { rowCount } = await payload.db.pool.query(
    `UPDATE ${table} SET
        two_factor_failures = CASE WHEN coalesce(two_factor_failures, 0) + 1 >= $2 THEN 0 ELSE coalesce(two_factor_failures, 0) + 1 END,
        two_factor_locked_until = CASE WHEN coalesce(two_factor_failures, 0) + 1 >= $2
          THEN now() + least($4, $3 * power(2, coalesce(two_factor_lockouts, 0))) * interval '1 second' ELSE two_factor_locked_until END,
        two_factor_lockouts = coalesce(two_factor_lockouts, 0) + CASE WHEN coalesce(two_factor_failures, 0) + 1 >= $2 THEN 1 ELSE 0 END
      WHERE id = $1 AND (two_factor_locked_until IS NULL OR two_factor_locked_until <= now())`,
    [id, MAX_CODE_ATTEMPTS, FIRST_LOCK_SECONDS, LONGEST_LOCK_SECONDS],
  )
  if (rowCount === 1) return { allowed: true }
  const { rows } = await payload.db.pool.query<{ seconds: number }>(
    `SELECT greatest(1, ceil(extract(epoch FROM two_factor_locked_until - now())))::int AS seconds FROM ${table} WHERE id = $1`,
    [id],
  )
  return { allowed: false, retryAfterSeconds: rows[0]?.seconds ?? FIRST_LOCK_SECONDS }
}

/** A right code clears the count and the escalation. */
export async function clearCodeAttempts(payload: Payload, subject: Principal | number): Promise<void> {
  const { collection, id } = principalOf(subject)
  await payload.db.pool.query(`UPDATE ${tablesOf(collection).row} SET two_factor_failures = 0, two_factor_lockouts = 0, two_factor_locked_until = NULL WHERE id = $1`, [id])
}
