/**
 * `npm run worker`: delivers portal events (Slack, email, in-app) outside the web process. Run it
 * with PORTICO_JOBS=worker set for the web process too, so the web process leaves jobs alone.
 * Any number of workers can run: each job is claimed by exactly one (SELECT … FOR UPDATE SKIP LOCKED).
 */
import { cliPayload } from './lib/cli-payload'

const { payload, close } = await cliPayload('the worker')
const { startJobRunner } = await import('../src/jobs/start-job-runner')
const runner = startJobRunner(payload, { idleMs: Number(process.env.PORTICO_WORKER_IDLE_MS) || 1_000 })
console.log(`Portico worker ${process.pid}: delivering portal events.`)

let stopping = false
const shutdown = async (signal: string) => {
  if (stopping) return
  stopping = true
  console.log(`${signal}: worker ${process.pid} finishing its batch…`)
  await runner.stop()
  await close()
  process.exit(0)
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))
