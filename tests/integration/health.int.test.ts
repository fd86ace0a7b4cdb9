import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { GET as readyGET } from '../../src/app/(portal)/api/health/ready/route'
import { GET as processGET } from '../../src/app/(portal)/api/health/live/route'
import { GET as liveGET } from '../../src/app/(portal)/api/health/route'
import { testPayload } from '../helpers/payload'

let payload: Payload

beforeAll(async () => {
  payload = await testPayload()
})

describe('liveness and readiness', () => {
  it('liveness answers 200 without a session', async () => {
    expect((await liveGET()).status).toBe(200)
  })

  it('the process check answers a constant without reading the database', async () => {
    const answer = processGET()
    expect(answer.status).toBe(200)
    expect(await answer.json()).toEqual({ success: true, data: { ok: true } })
  })

  it('readiness answers 200 on a migrated database and 503 naming the migration while one is pending', async () => {
    const ready = await readyGET()
    expect(ready.status).toBe(200)
    expect((await ready.json()).data).toEqual({ ready: true, database: 'ok', pendingMigrations: [] })

    // As if the newest migration had not run yet (a deploy that started before `db:prepare`).
    const { rows } = await payload.db.pool.query<{ id: number; name: string }>('SELECT id, name FROM payload_migrations ORDER BY name DESC LIMIT 1')
    const newest = rows[0]!
    await payload.db.pool.query('UPDATE payload_migrations SET name = $2 WHERE id = $1', [newest.id, `${newest.name}-hidden`])
    try {
      const pending = await readyGET()
      expect(pending.status).toBe(503)
      expect((await pending.json()).data).toEqual({ ready: false, database: 'ok', pendingMigrations: [newest.name] })
    } finally {
      await payload.db.pool.query('UPDATE payload_migrations SET name = $2 WHERE id = $1', [newest.id, newest.name])
    }
    expect((await readyGET()).status).toBe(200)
  })
})
