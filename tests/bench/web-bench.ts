import { HEALTH_FLOOR, signInCookie, withBenchServer } from './bench-server'
import { httpLoad } from './http-load'
import type { BenchRow } from './types'

/** The production server on embedded PostgreSQL: a signed-in account page against the floor route, same run. */
export async function benchWeb(): Promise<BenchRow[]> {
  return withBenchServer(async (server) => {
    const cookie = await signInCookie(server.url)
    // Browsers send Sec-Fetch-Site; Payload's CSRF check needs it for cookie sessions without an Origin.
    const session = { cookie, 'sec-fetch-site': 'same-origin' }
    await httpLoad({ name: 'warm-up', url: `${server.url}/account`, headers: session, seconds: 3 })
    const floor = await httpLoad({ name: HEALTH_FLOOR, url: `${server.url}/api/health` })
    const account = await httpLoad({ name: 'GET /account (signed in)', url: `${server.url}/account`, headers: session, floor: HEALTH_FLOOR })
    return [floor, account]
  })
}
