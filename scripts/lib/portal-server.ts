import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'

import { startDemoStripeEmulator } from '../demo/start-demo-emulator'
import { startEmbeddedPostgres } from './embedded-postgres'
import { repoRoot } from './load-env'
import { buildIfNeeded, nextBin, run } from './next-build'

/** Milliseconds each start-up step took; `database` (migrate + seed) and `build` run side by side. */
export type StartupPhases = { postgres: number; database: number; build: number; built: boolean; server: number }

/** `pid` is the `next start` process (the bench reads its memory). */
export type PortalServer = { url: string; pid: number; databaseUrl: string; embedded: boolean; phases: StartupPhases; stop: () => Promise<void> }

const since = (started: number) => Math.round(performance.now() - started)

type Options = {
  port: number
  /** Where embedded PostgreSQL keeps its data; ignored when DATABASE_URL is set. */
  postgresDir: string
  seedDemo: boolean
  dev?: boolean
  /** The Next build folder; tests and the bench use their own so a running `npm start` is never clobbered. */
  distDir?: string
  log?: (line: string) => void
  /** Local Stripe emulator state (used when STRIPE_SECRET_KEY is unset); default: stripe-emulator.json beside postgresDir. */
  stripeDataFile?: string
  /** Extra environment for the Next process (tests point SMTP/Slack at local receivers). */
  env?: Record<string, string | undefined>
}

export type NextServer = { url: string; pid: number; stop: () => Promise<void> }

/**
 * A ceiling for the web process's V8 heap (PORTICO_WEB_HEAP_MB, default 512). Without one V8 lets
 * request garbage pile up to gigabytes under load before a full collection (1.27 GB at 100 users
 * in issue 19's probe); with 384 MB the same load peaked at 419 MB RSS with no errors. A heap limit
 * already in NODE_OPTIONS wins.
 */
function withHeapLimit(nodeOptions = ''): string {
  if (nodeOptions.includes('--max-old-space-size')) return nodeOptions
  return `${nodeOptions} --max-old-space-size=${Number(process.env.PORTICO_WEB_HEAP_MB) || 512}`.trim()
}

/**
 * `next start` (or `next dev`) on `port` over an already prepared database, answered once
 * /api/health does. Also how a test runs a second instance of the same build on the same database.
 */
export async function startNextServer({ port, dev = false, distDir = '.next', log = () => {}, env = {} }: { port: number; dev?: boolean; distDir?: string; log?: (line: string) => void; env?: Record<string, string | undefined> }): Promise<NextServer> {
  const url = `http://localhost:${port}`
  const child = spawn(nextBin, [dev ? 'dev' : 'start', '-p', String(port)], {
    cwd: repoRoot,
    env: { ...process.env, ...env, NODE_OPTIONS: withHeapLimit(process.env.NODE_OPTIONS), NEXT_DIST_DIR: distDir, PORTAL_URL: process.env.PORTAL_URL || url, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (chunk: Buffer) => log(chunk.toString().trimEnd()))
  child.stderr?.on('data', (chunk: Buffer) => log(chunk.toString().trimEnd()))
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    }
  }
  try {
    await waitForHealth(url, child)
  } catch (error) {
    await stop()
    throw error
  }
  return { url, pid: child.pid!, stop }
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The portal exited with code ${child.exitCode} while starting.`)
    try {
      const response = await fetch(`${url}/api/health`)
      if (response.ok) return
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`The portal did not answer ${url}/api/health within ${timeoutMs / 1000}s.`)
}

/**
 * Everything `npm start` does, reusable by e2e tests and the bench: PostgreSQL (embedded unless
 * DATABASE_URL is set), migrations, the demo seed, the production build, and `next start`.
 */
export async function startPortalServer({ port, postgresDir, seedDemo, dev = false, distDir = '.next', log = () => {}, env = {}, stripeDataFile }: Options): Promise<PortalServer> {
  const external = process.env.DATABASE_URL
  const phases: StartupPhases = { postgres: 0, database: 0, build: 0, built: false, server: 0 }
  let started = performance.now()
  const postgres = external ? null : await startEmbeddedPostgres({ dataDir: postgresDir, log })
  const databaseUrl = external ?? postgres!.url
  process.env.DATABASE_URL = databaseUrl
  // No Stripe key: the local emulator (plans + portal configuration) runs before the database step,
  // which seeds the demo customers into it; it sets STRIPE_PORTAL_CONFIG_ID/STRIPE_WEBHOOK_SECRET.
  const stripeDemo = process.env.STRIPE_SECRET_KEY
    ? null
    : await startDemoStripeEmulator({ dataFile: stripeDataFile ?? path.join(path.dirname(postgresDir), 'stripe-emulator.json'), customers: [] }).catch(async (error) => {
        await postgres?.stop()
        throw error
      })
  if (stripeDemo) process.env.STRIPE_EMULATOR_URL = stripeDemo.emulator.url
  phases.postgres = since(started)
  const stopPostgres = async () => {
    await stripeDemo?.emulator.stop()
    await postgres?.stop()
  }
  try {
    // A child process: Payload's config is evaluated with DATABASE_URL and the secret in place,
    // and never inside a test runner's module loader.
    const prepare = () =>
      run(path.join(repoRoot, 'node_modules', '.bin', 'tsx'), ['scripts/db-prepare.ts', ...(seedDemo ? ['--seed'] : [])], {
        ...process.env,
        DATABASE_URL: databaseUrl,
        ...(stripeDemo ? { PORTICO_STRIPE_DEMO: '1' } : {}),
      })
    // Seen once in a bench run: the step exited 13 (an import that never settled) with nothing
    // written. Migrations run in transactions and the seed is idempotent, so one retry is safe.
    const database = async () => {
      const at = performance.now()
      await prepare().catch((error: Error) => {
        log(`${error.message}; retrying the database step once.`)
        return prepare()
      })
      phases.database = since(at)
    }
    // The build reads no database, so on a first start it runs while the database is migrated and
    // seeded: ~10 s of a 2-core machine's start-up that no longer waits in line.
    const build = async () => {
      const at = performance.now()
      phases.built = (await buildIfNeeded(distDir, log)) === 'built'
      phases.build = since(at)
    }
    const steps = await Promise.allSettled([database(), dev ? Promise.resolve() : build()])
    const failed = steps.find((step) => step.status === 'rejected')
    if (failed) throw failed.reason
  } catch (error) {
    await stopPostgres()
    throw error
  }

  let next: NextServer
  started = performance.now()
  try {
    next = await startNextServer({ port, dev, distDir, log, env: { ...env, DATABASE_URL: databaseUrl } })
  } catch (error) {
    await stopPostgres()
    throw error
  }
  const { url, pid } = next
  phases.server = since(started)
  const stop = async () => {
    await next.stop()
    await stopPostgres()
  }
  // Events from the seed were made before anyone listened; from now on every change is delivered.
  stripeDemo?.emulator.setWebhookTarget(`${url}/api/stripe/webhooks`, process.env.STRIPE_WEBHOOK_SECRET)
  return { url, pid, databaseUrl, embedded: !external, phases, stop }
}
