import path from 'node:path'

import fc from 'fast-check'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type RouteHandler, routeCaller } from '../helpers/call-route'
import { createOrganizationWithEveryRole, type TestOrganization, testPayload } from '../helpers/payload'
import { PORTAL_API_ROOT, portalRouteFiles, startConfiguredStripe } from '../helpers/portal-routes'

/**
 * Every mutating portal JSON route, found on disk (a new route is fuzzed without being listed),
 * fed malformed, oversized, wrong-typed, unicode-edge and injection-shaped bodies and ids: never a
 * 5xx, always the error envelope for a refusal, and a refusal writes nothing — in the database (a
 * fingerprint of every table) or in Stripe (the emulator's event count). Seeded: FUZZ_SEED
 * reproduces a run; fast-check prints the seed and the shrunk case on failure.
 */
const TOTAL_CASES = Number(process.env.FUZZ_CASES) || 5_000
const SEED = Number(process.env.FUZZ_SEED) || Date.now() % 2 ** 31
const MUTATING = ['POST', 'PUT', 'PATCH', 'DELETE'] as const

type FuzzedRoute = { file: string; method: (typeof MUTATING)[number]; handler: RouteHandler; segments: string[] }

async function mutatingPortalRoutes(): Promise<FuzzedRoute[]> {
  const routes: FuzzedRoute[] = []
  // Only routes built with portalRoute take a JSON body and a session; forms and webhooks have their own suites.
  for (const file of await portalRouteFiles()) {
    const module = (await import(path.join(PORTAL_API_ROOT, file))) as Record<string, unknown>
    for (const method of MUTATING) {
      const handler = module[method]
      if (typeof handler === 'function') routes.push({ file, method, handler: handler as RouteHandler, segments: [...file.matchAll(/\[(\w+)\]/g)].map((match) => match[1]!) })
    }
  }
  return routes
}

const edgeText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('\u0000', 'a\u0000b', '\uD83D', '\uDC00x', '\u202Eevil', "' OR 1=1 --", '"; DROP TABLE users; --', '<script>alert(1)</script>', '{{7*7}}', '../../etc/passwd', '%00', 'x'.repeat(20_000)),
)
const edgeNumber = fc.oneof(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), fc.constantFrom(0, -1, 1.5, 2_147_483_648, Number.MAX_SAFE_INTEGER, 1e308))
const edgeValue = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, edgeText, edgeNumber, fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(edgeText, tie('value'), { maxKeys: 4 })),
})).value
/** Bodies: random shapes, and objects with the keys portal routes read, holding the wrong things. */
const knownKeys = ['name', 'locale', 'timeZone', 'newEmail', 'password', 'currentPassword', 'newPassword', 'code', 'sid', 'others', 'required', 'preferences', 'ids', 'all', 'memberId', 'newRole', 'confirm', 'emails', 'role', 'flow', 'billingName', 'billingEmail', 'address', 'taxIds', 'scopes', 'environment', 'expiresAt', 'overlap', 'maxLifetimeDays']
const body = fc.oneof(edgeValue, fc.dictionary(fc.constantFrom(...knownKeys), edgeValue, { maxKeys: 6 }))
const segment = fc.oneof(edgeText, edgeNumber.map(String), fc.constantFrom('1', '2147483647', '2147483648', '99999999999', '-5', '1e3', ''))

let payload: Payload
let stripe: Awaited<ReturnType<typeof startConfiguredStripe>>
let org: TestOrganization
let call: ReturnType<typeof routeCaller>

beforeAll(async () => {
  stripe = await startConfiguredStripe()
  payload = await testPayload()
  org = await createOrganizationWithEveryRole(payload, 'fuzz')
  call = routeCaller(payload)
  // Sign each actor in now: a first sign-in writes its session, which is not the fuzzed input's doing.
  const { GET: sessionsGET } = await import('../../src/app/(portal)/api/portal/account/sessions/route')
  for (const actor of [org.members.owner, org.members.admin, org.members.viewer]) await call(sessionsGET, actor, '/api/portal/account/sessions')
})
afterAll(async () => {
  await stripe?.stop()
})

/** Rows, and the newest change, of every table but the rate-limit counters: any write moves it. */
async function fingerprint(): Promise<string> {
  const { rows: tables } = await payload.db.pool.query<{ table_name: string; has_updated: boolean }>(
    `SELECT table_name, bool_or(column_name = 'updated_at') AS has_updated FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name <> 'rate_limits' GROUP BY table_name ORDER BY table_name`,
  )
  const parts = tables.map(({ table_name, has_updated }) => `SELECT '${table_name}' AS t, count(*)::text AS n, ${has_updated ? 'max(updated_at)::text' : "''"} AS u FROM "${table_name}"`)
  const { rows } = await payload.db.pool.query(parts.join(' UNION ALL '))
  return JSON.stringify(rows)
}

describe(`fuzz: mutating portal routes (seed ${SEED})`, () => {
  it('never a 5xx; a refusal is the envelope and writes nothing, in PostgreSQL or Stripe', async () => {
    const routes = await mutatingPortalRoutes()
    expect(routes.length).toBeGreaterThanOrEqual(20)
    const actors = [org.members.owner, org.members.admin, org.members.viewer]
    let cases = 0
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), body, fc.array(segment, { minLength: 3, maxLength: 3 }), fc.constantFrom(...actors), async (route, input, segments, actor) => {
        cases++
        const params = Object.fromEntries(route.segments.map((name, index) => [name, segments[index]!]))
        const [before, stripeEvents] = [await fingerprint(), stripe.emulator.events().length]
        const result = await call(route.handler, actor, `/api/${route.file}`, { method: route.method, body: input, params })
        expect(result.status, `${route.method} ${route.file}`).toBeLessThan(500)
        if (result.status >= 400) {
          expect(result.body).toMatchObject({ success: false, error: { code: expect.any(String), message: expect.any(String) } })
          expect(await fingerprint(), `${route.method} ${route.file} refused but wrote`).toBe(before)
          expect(stripe.emulator.events().length, `${route.method} ${route.file} refused but wrote to Stripe`).toBe(stripeEvents)
        }
      }),
      { numRuns: TOTAL_CASES, seed: SEED, endOnFailure: true },
    )
    expect(cases).toBeGreaterThanOrEqual(TOTAL_CASES)
  }, 900_000)
})
