import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { freePort } from '../../scripts/lib/free-port'
import { startPortalServer } from '../../scripts/lib/portal-server'
import { httpLoad } from './http-load'
import type { BenchRow } from './types'

const FLOOR = 'GET /api/health (one indexed query, JSON)'

async function signInCookie(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/portal/sign-in`, {
    method: 'POST',
    body: new URLSearchParams({ email: 'owner@demo.test', password: 'portico-demo', next: '/account' }),
    redirect: 'manual',
  })
  const cookie = response.headers.get('set-cookie')?.split(';')[0]
  if (!cookie) throw new Error(`Sign-in for the bench failed (${response.status}).`)
  return cookie
}

/** The production server on embedded PostgreSQL: a signed-in account page against the floor route, same run. */
export async function benchWeb(): Promise<BenchRow[]> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'portico-bench-'))
  process.env.PAYLOAD_SECRET ||= 'bench-secret'
  delete process.env.DATABASE_URL
  const port = await freePort()
  process.env.PORTAL_URL = `http://localhost:${port}`
  process.env.STRIPE_EMULATOR_URL = `http://127.0.0.1:${await freePort()}`
  const server = await startPortalServer({ port, postgresDir: dataDir, seedDemo: true, distDir: '.next-bench', stripeDataFile: `${dataDir}-stripe-emulator.json`, log: (line) => /Building|error/i.test(line) && console.log(line) })
  try {
    const cookie = await signInCookie(server.url)
    // Browsers send Sec-Fetch-Site; Payload's CSRF check needs it for cookie sessions without an Origin.
    const session = { cookie, 'sec-fetch-site': 'same-origin' }
    await httpLoad({ name: 'warm-up', url: `${server.url}/account`, headers: session, seconds: 3 })
    const floor = await httpLoad({ name: FLOOR, url: `${server.url}/api/health` })
    const account = await httpLoad({ name: 'GET /account (signed in)', url: `${server.url}/account`, headers: session, floor: FLOOR })
    return [floor, account]
  } finally {
    await server.stop()
    await rm(dataDir, { recursive: true, force: true })
    await rm(`${dataDir}-stripe-emulator.json`, { force: true })
  }
}
