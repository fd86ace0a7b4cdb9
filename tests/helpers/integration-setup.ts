import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { startEmbeddedPostgres } from '../../scripts/lib/embedded-postgres'
import { repoRoot } from '../../scripts/lib/load-env'
import { run } from '../../scripts/lib/next-build'

/**
 * A throwaway embedded PostgreSQL for the integration run: migrated with the committed
 * migrations and seeded with the demo workspace, removed afterwards.
 */
export default async function setup() {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'portico-int-'))
  process.env.PAYLOAD_SECRET = 'integration-test-secret'
  delete process.env.PORTAL_URL
  delete process.env.PORTAL_AUTH_ADAPTER
  const postgres = await startEmbeddedPostgres({ dataDir, log: process.env.PORTICO_VERBOSE === '1' ? console.log : undefined })
  process.env.DATABASE_URL = postgres.url
  const prepare = () => run(path.join(repoRoot, 'node_modules', '.bin', 'tsx'), ['scripts/db-prepare.ts', '--seed'])
  // Exit 13 is Node's "top-level await never settled": seen twice, both times before the first
  // migration (a module-loader deadlock among payload.config's imports, first run in a new clone).
  // db-prepare is idempotent (migrations and seed skip what is there), so one retry is safe.
  await prepare().catch((error: Error) => {
    if (!/exited with 13$/.test(error.message)) throw error
    console.warn('db-prepare exited with 13 (an unsettled top-level await); running it once more')
    return prepare()
  })
  return async () => {
    await postgres.stop()
    await rm(dataDir, { recursive: true, force: true })
  }
}
