import type { Role } from '../../src/access/roles'
import { eventTypesFor } from '../../src/notifications/event-catalog'
import { rssMb, signInCookie, withBenchServer } from './bench-server'
import { percentiles } from './stats'
import type { BenchRow } from './types'

const VIRTUAL_USERS = 100
const SECONDS = 60
/** How long the server is left idle after the load before "RSS after" is read. */
const SETTLE_SECONDS = 20
const ROLES: Role[] = ['owner', 'admin', 'billing', 'member', 'viewer']

type Step = { route: string; method?: 'GET' | 'PUT'; path: string; body?: (turn: number, role: Role) => unknown; roles?: Role[] }

/** What a signed-in customer does in a session, as one round; each virtual user loops over the steps its role may take. */
const STEPS: Step[] = [
  { route: 'GET /account', path: '/account' },
  { route: 'GET /account/team', path: '/account/team' },
  { route: 'GET /api/team/members', path: '/api/team/members' },
  { route: 'GET /account/activity', path: '/account/activity', roles: ['owner', 'admin'] },
  { route: 'GET /api/billing/invoices', path: '/api/billing/invoices', roles: ['owner', 'admin', 'billing'] },
  { route: 'GET /api/account/usage', path: '/api/account/usage' },
  {
    route: 'PUT /api/portal/notifications/preferences',
    method: 'PUT',
    path: '/api/portal/notifications/preferences',
    body: (turn, role) => ({ preferences: [{ eventType: eventTypesFor(role)[0], channel: 'email', enabled: turn % 2 === 0 }] }),
  },
]

/**
 * Issue 19's load row: 100 virtual users (the five demo roles, 20 each, sharing their role's session)
 * loop over a mixed round of pages, JSON reads and a preferences write for 60 s. Per route: p50/p95
 * and errors; for the server: RSS before, peak (sampled every 250 ms) and after 20 s idle.
 */
export async function benchLoad(): Promise<BenchRow[]> {
  return withBenchServer(async (server) => {
    const cookies = new Map<Role, string>()
    for (const role of ROLES) cookies.set(role, await signInCookie(server.url, `${role}@demo.test`))
    const latencies = new Map<string, number[]>(STEPS.map((step) => [step.route, []]))
    const errors = new Map<string, number>(STEPS.map((step) => [step.route, 0]))
    const rssBefore = await rssMb(server.pid)
    let rssPeak = rssBefore
    const sampler = setInterval(() => void rssMb(server.pid).then((mb) => (rssPeak = Math.max(rssPeak, mb)), () => {}), 250)
    const deadline = Date.now() + SECONDS * 1000

    async function virtualUser(index: number) {
      const role = ROLES[index % ROLES.length]
      const steps = STEPS.filter((step) => !step.roles || step.roles.includes(role))
      const headers = { cookie: cookies.get(role)!, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' }
      for (let turn = 0; Date.now() < deadline; turn++) {
        const step = steps[turn % steps.length]
        const body = step.body ? JSON.stringify(step.body(turn, role)) : undefined
        const started = performance.now()
        try {
          const response = await fetch(`${server.url}${step.path}`, { method: step.method ?? 'GET', headers, body, redirect: 'manual' })
          await response.arrayBuffer()
          if (!response.ok) errors.set(step.route, errors.get(step.route)! + 1)
        } catch {
          errors.set(step.route, errors.get(step.route)! + 1)
        }
        latencies.get(step.route)!.push(performance.now() - started)
      }
    }

    await Promise.all(Array.from({ length: VIRTUAL_USERS }, (_, index) => virtualUser(index)))
    clearInterval(sampler)
    await new Promise((resolve) => setTimeout(resolve, SETTLE_SECONDS * 1000))
    const rssAfter = await rssMb(server.pid)
    const total = [...latencies.values()].reduce((sum, list) => sum + list.length, 0)
    const totalErrors = [...errors.values()].reduce((sum, count) => sum + count, 0)
    const routeRows: BenchRow[] = STEPS.map((step) => {
      const list = latencies.get(step.route)!
      return { name: `load: ${step.route}`, unit: 'req/s', throughput: Math.round(list.length / SECONDS), ...percentiles(list), errors: errors.get(step.route), notes: { requests: list.length } }
    })
    const all = [...latencies.values()].flat()
    return [
      {
        name: `load: ${VIRTUAL_USERS} virtual users, mixed, ${SECONDS} s`,
        unit: 'req/s',
        throughput: Math.round(total / SECONDS),
        ...percentiles(all),
        errors: totalErrors,
        notes: { requests: total, rssBeforeMb: rssBefore, rssPeakMb: rssPeak, rssAfterMb: rssAfter, settleSeconds: SETTLE_SECONDS },
      },
      ...routeRows,
    ]
  })
}
