import { HEALTH_FLOOR, signInCookie, withBenchServer } from './bench-server'
import { httpLoad } from './http-load'
import type { BenchRow } from './types'

/** The render floor the signed-in pages are compared with (issue 16: ≥ 0.5× of it). */
const SIGNED_OUT_PAGE = 'GET /sign-in (signed out: the render floor)'

/** One request at a time on the otherwise idle server: the client's time and the route's Server-Timing phases. */
async function idleRequest(url: string, headers: Record<string, string>): Promise<Record<string, number | string>> {
  let best = Infinity
  let timing = ''
  for (let attempt = 0; attempt < 5; attempt++) {
    const started = performance.now()
    const response = await fetch(url, { headers, redirect: 'manual' })
    await response.arrayBuffer()
    const elapsed = performance.now() - started
    if (elapsed < best) [best, timing] = [elapsed, response.headers.get('server-timing') ?? '']
  }
  const notes: Record<string, number | string> = { idleMs: Math.round(best * 10) / 10 }
  if (timing) notes.serverTiming = timing.replace(/;dur=/g, '=').replace(/, /g, ' ')
  return notes
}

/**
 * The production server on embedded PostgreSQL, all rows in one run: the floor route, the
 * signed-out page, Payload's own auth, the signed-in JSON reads, and two signed-in pages, each
 * with its ratio to its floor and the best of five idle requests (with Server-Timing where the
 * route sends it).
 */
export async function benchWeb(): Promise<BenchRow[]> {
  return withBenchServer(async (server) => {
    const cookie = await signInCookie(server.url)
    // Browsers send Sec-Fetch-Site; Payload's CSRF check needs it for cookie sessions without an Origin.
    const session = { cookie, 'sec-fetch-site': 'same-origin' }
    await httpLoad({ name: 'warm-up', url: `${server.url}/account`, headers: session, seconds: 3 })
    await httpLoad({ name: 'warm-up', url: `${server.url}/account/team`, headers: session, seconds: 2 })
    await httpLoad({ name: 'warm-up', url: `${server.url}/sign-in`, seconds: 2 })
    const rows: Array<{ name: string; path: string; headers?: Record<string, string>; floor?: string }> = [
      { name: HEALTH_FLOOR, path: '/api/health' },
      { name: SIGNED_OUT_PAGE, path: '/sign-in', floor: HEALTH_FLOOR },
      { name: 'GET /api/users/me (Payload’s own auth)', path: '/api/users/me', headers: session, floor: HEALTH_FLOOR },
      { name: 'GET /api/team/members (signed in, JSON)', path: '/api/team/members', headers: session, floor: HEALTH_FLOOR },
      { name: 'GET /api/account/usage (signed in, JSON)', path: '/api/account/usage?metric=api_calls&tz=UTC', headers: session, floor: HEALTH_FLOOR },
      { name: 'GET /api/api-keys (signed in, JSON)', path: '/api/api-keys', headers: session, floor: HEALTH_FLOOR },
      { name: 'GET /api/billing/invoices (signed in, JSON, from Stripe: the local emulator)', path: '/api/billing/invoices', headers: session, floor: HEALTH_FLOOR },
      { name: 'GET /account/team (signed in)', path: '/account/team', headers: session, floor: SIGNED_OUT_PAGE },
      { name: 'GET /account (signed in)', path: '/account', headers: session, floor: SIGNED_OUT_PAGE },
    ]
    const measured: BenchRow[] = []
    for (const row of rows) {
      const url = `${server.url}${row.path}`
      const result = await httpLoad({ name: row.name, url, headers: row.headers, floor: row.floor })
      result.notes = { ...result.notes, ...(await idleRequest(url, row.headers ?? {})) }
      measured.push(result)
    }
    return measured
  })
}
