import { getPayload, type Payload } from 'payload'

import { ensureLocalSecret, loadDotEnv } from './load-env'

/**
 * The bootstrap of a CLI that works on the portal's database: `.env`, the local secret, a
 * DATABASE_URL (exit 2 with `purpose` when there is none), then Payload. `close()` ends the pool
 * without the error an idle client raises when PostgreSQL goes first.
 */
export async function cliPayload(purpose: string): Promise<{ payload: Payload; close: () => Promise<void> }> {
  loadDotEnv()
  await ensureLocalSecret()
  if (!process.env.DATABASE_URL) {
    console.error(`DATABASE_URL is not set: ${purpose} needs the database the portal uses.`)
    process.exit(2)
  }
  // Imported only now: the config reads the environment loaded above.
  const { default: config } = await import('../../payload.config')
  const payload = await getPayload({ config })
  const close = async () => {
    payload.db.pool.on('error', () => {})
    await payload.destroy()
  }
  return { payload, close }
}
