import type { Payload } from 'payload'

/**
 * How long a claim lives without a heartbeat. A live runner renews its claims every third of
 * this, so only a dead one (kill -9, lost host) lets a claim lapse; its jobs are free again
 * within a lease plus one sweep instead of the ten minutes a fixed timeout needed.
 */
export const JOB_LEASE_SECONDS = 30

export type ClaimedJob = { id: number; taskSlug: string; input: Record<string, unknown> | null }

/**
 * Claims up to `limit` runnable jobs for this process in one statement. Payload's own runner reads
 * then updates, so two workers can pick the same job; FOR UPDATE SKIP LOCKED makes each job go to
 * exactly one claimant. The conditions mirror Payload's runJobs. Returns each job's task and input,
 * so the runner can take a batch of one kind together (src/jobs/run-due-jobs.ts).
 */
export async function claimDueJobRows(payload: Payload, { limit, queue = 'default' }: { limit: number; queue?: string }): Promise<ClaimedJob[]> {
  const { rows } = await payload.db.pool.query<{ id: number; task_slug: string; input: Record<string, unknown> | null }>(
    `UPDATE payload_jobs SET processing = true, updated_at = now()
      WHERE id IN (
        SELECT id FROM payload_jobs
         WHERE completed_at IS NULL AND has_error IS NOT TRUE AND processing IS NOT TRUE
           AND (wait_until IS NULL OR wait_until < now()) AND queue = $1
         ORDER BY created_at
         LIMIT $2
         FOR UPDATE SKIP LOCKED)
      RETURNING id, task_slug, input`,
    [queue, limit],
  )
  return rows.map((row) => ({ id: Number(row.id), taskSlug: row.task_slug, input: row.input }))
}

/** The heartbeat: keeps this runner's claims alive while their jobs run. */
export async function renewJobLeases(payload: Payload, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return
  await payload.db.pool.query(`UPDATE payload_jobs SET updated_at = now() WHERE id = ANY($1::int[]) AND processing = true AND completed_at IS NULL`, [ids])
}

/** Gives back claimed jobs this runner will not start (it is stopping): any runner can take them at once. */
export async function releaseJobs(payload: Payload, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return
  await payload.db.pool.query(`UPDATE payload_jobs SET processing = false, updated_at = now() WHERE id = ANY($1::int[]) AND processing = true AND completed_at IS NULL`, [ids])
}

/** Frees claims whose heartbeat stopped `leaseSeconds` ago: their runner is gone. */
export async function releaseStalledJobs(payload: Payload, leaseSeconds = JOB_LEASE_SECONDS): Promise<number> {
  const { rowCount } = await payload.db.pool.query(
    `UPDATE payload_jobs SET processing = false
      WHERE processing = true AND completed_at IS NULL AND updated_at < now() - make_interval(secs => $1)`,
    [leaseSeconds],
  )
  return rowCount ?? 0
}
