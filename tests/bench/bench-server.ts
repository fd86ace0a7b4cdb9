import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { freePort } from '../../scripts/lib/free-port'
import { type PortalServer, startPortalServer } from '../../scripts/lib/portal-server'

/** The floor every web row is compared with: one indexed query answered as JSON. */
export const HEALTH_FLOOR = 'GET /api/health (one indexed query, JSON)'

/**
 * The production build (`.next-bench`) served by `next start` on a throwaway embedded PostgreSQL
 * and Stripe emulator with the demo seeded — what `npm start` serves — for the length of `work`.
 */
export async function withBenchServer<T>(work: (server: PortalServer) => Promise<T>): Promise<T> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'portico-bench-'))
  process.env.PAYLOAD_SECRET ||= 'bench-secret'
  delete process.env.DATABASE_URL
  const port = await freePort()
  process.env.PORTAL_URL = `http://localhost:${port}`
  process.env.STRIPE_EMULATOR_URL = `http://127.0.0.1:${await freePort()}`
  const server = await startPortalServer({ port, postgresDir: dataDir, seedDemo: true, distDir: '.next-bench', stripeDataFile: `${dataDir}-stripe-emulator.json`, log: (line) => /Building|error/i.test(line) && console.log(line) })
  try {
    return await work(server)
  } finally {
    await server.stop()
    await rm(dataDir, { recursive: true, force: true })
    await rm(`${dataDir}-stripe-emulator.json`, { force: true })
  }
}

/** A demo customer's session cookie from the portal's sign-in form, as a browser gets it. */
export async function signInCookie(baseUrl: string, email = 'owner@demo.test'): Promise<string> {
  const response = await fetch(`${baseUrl}/api/portal/sign-in`, {
    method: 'POST',
    body: new URLSearchParams({ email, password: 'portico-demo', next: '/account' }),
    redirect: 'manual',
  })
  const cookie = response.headers.get('set-cookie')?.split(';')[0]
  if (!cookie) throw new Error(`Sign-in for the bench failed (${response.status}).`)
  return cookie
}

/** Resident memory of a process in MB, from /proc (Linux). */
export async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1] ?? 0)
  return Math.round(kb / 1024)
}
