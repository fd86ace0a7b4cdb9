import type { Payload, TaskConfig } from 'payload'

import { apiKeyExpiryNoticesTask } from '../api-keys/api-key-expiry-task'

type PeriodicTask = { task: TaskConfig<any>['slug']; everyMs: number }

/** Sweeps that run on a clock rather than on a change. Each is idempotent, so two runners queuing one is harmless. */
export const PERIODIC_TASKS: readonly PeriodicTask[] = [{ task: apiKeyExpiryNoticesTask.slug, everyMs: 15 * 60_000 }]

/**
 * Queues each periodic task whose period has passed since this runner last queued it, unless one is
 * already waiting. Called from the runner's loop; the first call (at start) queues them all.
 */
export async function queueDuePeriodicTasks(payload: Payload, lastQueued: Map<string, number>, now = Date.now()): Promise<void> {
  for (const { task, everyMs } of PERIODIC_TASKS) {
    if (now - (lastQueued.get(task) ?? -Infinity) < everyMs) continue
    lastQueued.set(task, now)
    const { rows } = await payload.db.pool.query(`SELECT 1 FROM payload_jobs WHERE task_slug = $1 AND completed_at IS NULL AND has_error IS NOT TRUE LIMIT 1`, [task])
    if (rows.length === 0) await payload.jobs.queue({ task: task as 'api-key-expiry-notices', input: {} })
  }
}
