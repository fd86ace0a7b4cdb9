/**
 * `npm run worker`: delivers portal events (Slack, email, in-app) outside the web process. Run it
 * with PORTICO_JOBS=worker set for the web process too, so the web process leaves jobs alone.
 * Any number of workers can run: each job is claimed by exactly one (SELECT … FOR UPDATE SKIP LOCKED).
 */
import { getPayload } from 'payload'

import { ensureLocalSecret, loadDotEnv } from './lib/load-env'

loadDotEnv()
await ensureLocalSecret()
if (!process.env.DATABASE_URL) {
  console.error('DATABASE_URL is not set: the worker needs the database the portal uses.')
  process.exit(2)
}
const { default: config } = await import('../payload.config')
const { startJobRunner } = await import('../src/notifications/jobs/start-job-runner')
const payload = await getPayload({ config })
const runner = startJobRunner(payload, { idleMs: Number(process.env.PORTICO_WORKER_IDLE_MS) || 1_000 })
console.log(`Portico worker ${process.pid}: delivering portal events.`)

let stopping = false
const shutdown = async (signal: string) => {
  if (stopping) return
  stopping = true
  console.log(`${signal}: worker ${process.pid} finishing its batch…`)
  await runner.stop()
  payload.db.pool.on('error', () => {})
  await payload.destroy()
  process.exit(0)
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))
