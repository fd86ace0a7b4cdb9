import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { TestProject } from 'vitest/node'

import { acquireDirLock } from '../../scripts/lib/dir-lock'
import { freePort } from '../../scripts/lib/free-port'
import { repoRoot } from '../../scripts/lib/load-env'
import { startPortalServer } from '../../scripts/lib/portal-server'
import { startSmtpReceiver } from './smtp-receiver'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
    /** Where the local SMTP receiver stores what the portal sent (one .eml per message). */
    mailDir: string
    /** The served portal's database, for a second instance of the same build (two-instance tests). */
    databaseUrl: string
    /** The local Stripe emulator the portal talks to, for tests that act as Stripe would (a new invoice). */
    stripeEmulatorUrl: string
  }
}

/**
 * The production build served by `next start` on a throwaway embedded PostgreSQL with the demo
 * workspace: e2e tests see exactly what `npm start` serves.
 */
export default async function setup(project: TestProject) {
  // One e2e run at a time per checkout: they share the .next-e2e build.
  const release = await acquireDirLock(path.join(repoRoot, '.next-e2e.lock'))
  const dataDir = await mkdtemp(path.join(tmpdir(), 'portico-e2e-'))
  // PostgreSQL runs as its own user and must be able to reach its data folder inside this one.
  await chmod(dataDir, 0o755)
  process.env.PAYLOAD_SECRET = 'e2e-test-secret'
  delete process.env.DATABASE_URL
  delete process.env.PORTAL_AUTH_ADAPTER
  const port = await freePort()
  process.env.PORTAL_URL = `http://localhost:${port}`
  // Its own local Stripe emulator (never a running `npm start`'s, nor a pinned configuration of it).
  delete process.env.STRIPE_SECRET_KEY
  delete process.env.STRIPE_PORTAL_CONFIG_ID
  process.env.STRIPE_EMULATOR_URL = `http://127.0.0.1:${await freePort()}`
  // The product's server token for POST /api/keys/verify; the e2e tests call it as the product would.
  process.env.API_KEY_VERIFY_TOKEN = 'e2e-api-key-verify-token'
  const verbose = process.env.PORTICO_VERBOSE === '1'
  const mailDir = path.join(dataDir, 'mail')
  const smtp = await startSmtpReceiver({ dir: mailDir })
  const server = await startPortalServer({
    port,
    postgresDir: path.join(dataDir, 'postgres'),
    seedDemo: true,
    distDir: '.next-e2e',
    env: { SMTP_URL: smtp.url },
    log: verbose ? console.log : (line) => /Building|error/i.test(line) && console.log(line),
  })
  project.provide('baseUrl', server.url)
  project.provide('mailDir', mailDir)
  project.provide('databaseUrl', server.databaseUrl)
  project.provide('stripeEmulatorUrl', process.env.STRIPE_EMULATOR_URL!)
  return async () => {
    await server.stop()
    await smtp.stop()
    await release()
    await rm(dataDir, { recursive: true, force: true })
  }
}
