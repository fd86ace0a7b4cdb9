import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { PERIODIC_TASKS, queueDuePeriodicTasks } from '../../src/jobs/periodic-tasks'
import { runJobsNow } from '../helpers/jobs'
import { testPayload } from '../helpers/payload'

let payload: Payload

beforeAll(async () => {
  payload = await testPayload()
  await runJobsNow(payload)
})

const waiting = async (task: string) =>
  Number((await payload.db.pool.query(`SELECT count(*) FROM payload_jobs WHERE task_slug = $1 AND completed_at IS NULL`, [task])).rows[0].count)

describe('periodic sweeps', () => {
  it('each is queued at the runner’s start, not again while one waits or before its period, and runs', async () => {
    const [{ task, everyMs }] = PERIODIC_TASKS as [(typeof PERIODIC_TASKS)[number]]
    const lastQueued = new Map<string, number>()
    const start = Date.now()
    await queueDuePeriodicTasks(payload, lastQueued, start)
    expect(await waiting(task)).toBe(1)
    // Another runner starting now: one is already waiting.
    await queueDuePeriodicTasks(payload, new Map(), start)
    expect(await waiting(task)).toBe(1)

    await runJobsNow(payload)
    expect(await waiting(task)).toBe(0)
    const { rows } = await payload.db.pool.query(`SELECT count(*)::int AS n FROM payload_jobs WHERE task_slug = $1 AND has_error = true`, [task])
    expect(rows[0].n).toBe(0)

    await queueDuePeriodicTasks(payload, lastQueued, start + everyMs - 1)
    expect(await waiting(task)).toBe(0)
    await queueDuePeriodicTasks(payload, lastQueued, start + everyMs)
    expect(await waiting(task)).toBe(1)
    await runJobsNow(payload)
  })
})
