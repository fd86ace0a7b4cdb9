import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { TestProject } from 'vitest/node'

import { freePort } from '../../scripts/lib/free-port'
import { startPortalServer } from '../../scripts/lib/portal-server'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
  }
}

/**
 * The production build served by `next start` on a throwaway embedded PostgreSQL with the demo
 * workspace: e2e tests see exactly what `npm start` serves.
 */
export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'portico-e2e-'))
  process.env.PAYLOAD_SECRET = 'e2e-test-secret'
  delete process.env.DATABASE_URL
  delete process.env.PORTAL_AUTH_ADAPTER
  const port = await freePort()
  process.env.PORTAL_URL = `http://localhost:${port}`
  const verbose = process.env.PORTICO_VERBOSE === '1'
  const server = await startPortalServer({ port, postgresDir: dataDir, seedDemo: true, log: verbose ? console.log : (line) => /Building|error/i.test(line) && console.log(line) })
  project.provide('baseUrl', server.url)
  return async () => {
    await server.stop()
    await rm(dataDir, { recursive: true, force: true })
  }
}
