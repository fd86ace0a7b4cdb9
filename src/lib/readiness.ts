import type { Payload } from 'payload'

import { migrations } from '../../migrations'

export type Readiness = { ready: boolean; database: 'ok' | 'unreachable'; pendingMigrations: string[] }

/**
 * Whether this instance should get traffic: the database answers and every committed migration
 * has been applied (`npm run db:prepare` runs them before a deploy sends traffic). An instance
 * started ahead of its migrations stays out of rotation instead of failing requests.
 */
export async function checkReadiness(payload: Payload): Promise<Readiness> {
  try {
    const { rows } = await payload.db.pool.query<{ name: string }>('SELECT name FROM payload_migrations')
    const applied = new Set(rows.map((row) => row.name))
    const pendingMigrations = migrations.map((migration) => migration.name).filter((name) => !applied.has(name))
    return { ready: pendingMigrations.length === 0, database: 'ok', pendingMigrations }
  } catch {
    return { ready: false, database: 'unreachable', pendingMigrations: [] }
  }
}
