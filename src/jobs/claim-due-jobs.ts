import type { Payload } from 'payload'

/**
 * Claims up to `limit` runnable jobs for this process in one statement. Payload's own runner reads
 * then updates, so two workers can pick the same job; FOR UPDATE SKIP LOCKED makes each job go to
 * exactly one claimant. The conditions mirror Payload's runJobs.
 */
export async function claimDueJobs(payload: Payload, { limit, queue = 'default' }: { limit: number; queue?: string }): Promise<number[]> {
  const { rows } = await payload.db.pool.query<{ id: number }>(
    `UPDATE payload_jobs SET processing = true, updated_at = now()
      WHERE id IN (
        SELECT id FROM payload_jobs
         WHERE completed_at IS NULL AND has_error IS NOT TRUE AND processing IS NOT TRUE
           AND (wait_until IS NULL OR wait_until < now()) AND queue = $1
         ORDER BY created_at
         LIMIT $2
         FOR UPDATE SKIP LOCKED)
      RETURNING id`,
    [queue, limit],
  )
  return rows.map((row) => Number(row.id))
}

/** A worker killed mid-job leaves it `processing` forever; after `staleAfter` another worker may take it. */
export async function releaseStalledJobs(payload: Payload, staleAfter = '10 minutes'): Promise<number> {
  const { rowCount } = await payload.db.pool.query(
    `UPDATE payload_jobs SET processing = false WHERE processing = true AND completed_at IS NULL AND updated_at < now() - interval '${staleAfter}'`,
  )
  return rowCount ?? 0
}
