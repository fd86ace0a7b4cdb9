import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { POST as forgotPOST } from '../../src/app/(portal)/api/portal/forgot-password/route'
import { POST as signInPOST } from '../../src/app/(portal)/api/portal/sign-in/route'
import { RATE_LIMITS } from '../../src/lib/rate-limit/limits'
import { createAccountUser, TEST_PASSWORD } from '../helpers/account'
import { testPayload } from '../helpers/payload'
import { POST as REST_POST } from '../../src/app/(payload)/api/[...slug]/route'
import { POST as GRAPHQL_POST } from '../../src/app/(payload)/api/graphql/route'

let payload: Payload

beforeAll(async () => {
  payload = await testPayload()
})

/** A client of its own per test: limits are counted in PostgreSQL for the whole run. */
const newClient = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}, 10.${Math.floor(Math.random() * 250)}.0.${Math.floor(Math.random() * 250)}`

const signIn = (client: string, email: string, password: string) =>
  signInPOST(new Request('http://portal.test/api/portal/sign-in', { method: 'POST', headers: { 'x-forwarded-for': client, 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ email, password, next: '/account' }) }))

describe('throttled sign-in instead of a lockout', () => {
  it('a stranger’s wrong guesses throttle the stranger (429 + Retry-After), never the owner signing in from elsewhere', async () => {
    const user = await createAccountUser(payload, 'throttle')
    const stranger = newClient()
    const budget = RATE_LIMITS['sign-in:account-client'].points
    for (let attempt = 0; attempt < budget; attempt++) expect((await signIn(stranger, user.email, 'wrong guess')).status).toBe(303)
    const throttled = await signIn(stranger, user.email, 'wrong guess')
    expect(throttled.status).toBe(429)
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await throttled.text()).toMatch(/Too many attempts/)
    // Even the right password from the stranger's client waits; the owner's own client is untouched.
    expect((await signIn(stranger, user.email, TEST_PASSWORD)).status).toBe(429)
    const owner = await signIn(newClient(), user.email, TEST_PASSWORD)
    expect(owner.status).toBe(303)
    expect(owner.headers.get('set-cookie')).toMatch(/-token=/)
  })

  it('one client trying many accounts runs out of its own budget', async () => {
    const client = newClient()
    const budget = RATE_LIMITS['sign-in:client'].points
    const statuses: number[] = []
    for (let attempt = 0; attempt <= budget; attempt++) statuses.push((await signIn(client, `nobody-${randomUUID()}@example.test`, 'guess')).status)
    expect(statuses.slice(0, budget).every((status) => status === 303)).toBe(true)
    expect(statuses.at(-1)).toBe(429)
  })

  it('an address with no account takes as long to refuse as a wrong password', async () => {
    const user = await createAccountUser(payload, 'timing')
    const time = async (email: string) => {
      const started = performance.now()
      await signIn(newClient(), email, 'not the password')
      return performance.now() - started
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
    const known: number[] = []
    const unknown: number[] = []
    for (let round = 0; round < 5; round++) {
      known.push(await time(user.email))
      unknown.push(await time(`nobody-${randomUUID()}@example.test`))
    }
    // Without the equaliser the unknown address answered ~10× faster (no password hash to check).
    expect(median(unknown)).toBeGreaterThan(0.6 * median(known))
  })

  it('Payload’s REST logins (customers and staff) are throttled too, with Retry-After', async () => {
    const client = newClient()
    const login = (collection: 'users' | 'staff', email: string) =>
      REST_POST(new Request(`http://localhost/api/${collection}/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'x-forwarded-for': client }, body: JSON.stringify({ email, password: 'wrong guess' }) }), {
        params: Promise.resolve({ slug: [collection, 'login'] }),
      })
    const budget = RATE_LIMITS['sign-in:account-client'].points
    for (const [collection, email] of [['staff', 'staff@demo.test'], ['users', `rest-${randomUUID()}@example.test`]] as const) {
      for (let attempt = 0; attempt < budget; attempt++) expect((await login(collection, email)).status).toBe(401)
      const throttled = await login(collection, email)
      expect(throttled.status).toBe(429)
      expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0)
    }
  })

  it('one GraphQL request with 50 aliased logins is throttled part-way', async () => {
    const aliases = Array.from({ length: 50 }, (_, index) => `a${index}: loginUser(email: "graphql-${index}-${randomUUID()}@example.test", password: "guess") { token }`).join('\n')
    const response = await GRAPHQL_POST(new Request('http://localhost/api/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json', 'x-forwarded-for': newClient() }, body: JSON.stringify({ query: `mutation { ${aliases} }` }) }))
    const { errors } = (await response.json()) as { errors: Array<{ message: string }> }
    expect(errors.filter((error) => /Too many attempts/.test(error.message)).length).toBeGreaterThanOrEqual(50 - RATE_LIMITS['sign-in:client'].points)
  })
})

describe('forgot-password', () => {
  it('answers 429 after the per-address budget, the same for an address with or without an account', async () => {
    const user = await createAccountUser(payload, 'forgot-throttle')
    for (const email of [user.email, `nobody-${randomUUID()}@example.test`]) {
      const statuses: number[] = []
      for (let attempt = 0; attempt <= RATE_LIMITS['forgot-password:account'].points; attempt++) {
        const response = await forgotPOST(new Request('http://portal.test/api/portal/forgot-password', { method: 'POST', headers: { 'x-forwarded-for': newClient() }, body: new URLSearchParams({ email }) }))
        statuses.push(response.status)
      }
      expect(statuses.at(-1)).toBe(429)
      expect(statuses.slice(0, -1).every((status) => status === 303)).toBe(true)
    }
  })
})
