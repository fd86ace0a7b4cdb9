import type { Payload } from 'payload'

import { commitPortalChange } from '../../src/audit/record-portal-change'
import { runDueJobs } from '../../src/jobs/run-due-jobs'

/** Makes every job waiting out a backoff due now: the test skips the wait, not the retry. */
export const skipBackoff = (payload: Payload) =>
  payload.db.pool.query(`UPDATE payload_jobs SET wait_until = NULL WHERE completed_at IS NULL AND has_error IS NOT TRUE`)

/** Runs due jobs until nothing is runnable (jobs in backoff stay queued). */
export async function runJobsNow(payload: Payload): Promise<void> {
  while ((await runDueJobs(payload, { limit: 20 })) > 0) {
    // keep going until a pass finds nothing due
  }
}

export const pendingJobs = async (payload: Payload): Promise<number> =>
  Number((await payload.db.pool.query(`SELECT count(*) FROM payload_jobs WHERE completed_at IS NULL AND has_error IS NOT TRUE`)).rows[0].count)

/** Waits until `check` holds, polling; fails with `what` after `timeoutMs`. */
export async function eventually(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`Timed out waiting for ${what}`)
}

/**
 * Commits `count` account-level events with no subject (one Slack delivery each, nothing else),
 * labelled `${label}-${index}` so a Slack post names the event it is for.
 */
export async function commitSlackOnlyEvents(payload: Payload, label: string, count: number): Promise<void> {
  for (let index = 0; index < count; index++) {
    await commitPortalChange(
      payload,
      { actor: { kind: 'system', label: `${label}-${index}` }, organization: null, entity: { type: 'sessions', id: index }, action: 'account.session_revoked', event: { type: 'account.session_revoked' } },
      async () => ({}),
    )
  }
}
