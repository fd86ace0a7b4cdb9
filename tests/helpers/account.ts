import { randomUUID } from 'node:crypto'

import { generate } from 'otplib'
import type { Payload } from 'payload'

import { enableTwoFactor } from '../../src/account/two-factor/enable-two-factor'
import { startEnrolment } from '../../src/account/two-factor/start-enrolment'
import type { AuditActor } from '../../src/audit/actor'
import type { User } from '../../src/payload-types'

export const TEST_PASSWORD = 'a-long-test-passphrase-7'

/** A customer with their own one-member organization (owner), unique per call. */
export async function createAccountUser(payload: Payload, label: string): Promise<User> {
  const tag = `${label}-${randomUUID().slice(0, 8)}`
  const user = await payload.create({ collection: 'users', data: { email: `${tag}@account.test`, name: `Account ${tag}`, password: TEST_PASSWORD } })
  const organization = await payload.create({ collection: 'organizations', data: { name: `Org ${tag}`, billingMode: 'stripe' } })
  await payload.create({ collection: 'memberships', data: { user: user.id, organization: organization.id, role: 'owner' } })
  return user
}

export const selfActor = (user: User): AuditActor => ({ kind: 'customer', user: { ...user, collection: 'users' }, ip: '127.0.0.1', userAgent: 'vitest', requestId: randomUUID() })

/**
 * The code an authenticator shows `steps` periods from now. A code's time step is accepted once
 * per user, so consecutive checks in one test use successive steps (within the ±1 window).
 */
export const totpCode = (key: string, steps = 0) => generate({ secret: key, epoch: Math.floor(Date.now() / 1000) + steps * 30 })

/**
 * The previous period's code, read when at least `marginSeconds` of the current period are left: a
 * code one step old is accepted, but if the period turns while the request is on its way it is two
 * steps old and rightly refused — the test would then fail on the clock, not on the code.
 */
export async function previousTotpCode(key: string, marginSeconds = 8): Promise<string> {
  const left = 30 - ((Date.now() / 1000) % 30)
  if (left < marginSeconds) await new Promise((resolve) => setTimeout(resolve, left * 1000 + 100))
  return totpCode(key, -1)
}

/** Enrols the user in two-factor with the current code; returns the key and the recovery codes. */
export async function enrolTwoFactor(payload: Payload, user: User): Promise<{ key: string; recoveryCodes: string[] }> {
  const { key } = await startEnrolment(payload, user)
  const { recoveryCodes } = await enableTwoFactor(payload, { userId: user.id, code: await totpCode(key, -1), actor: selfActor(user) })
  return { key, recoveryCodes }
}

export const cookieHeaders = (payload: Payload, token: string, extra: Record<string, string> = {}) =>
  new Headers({ cookie: `${payload.config.cookiePrefix}-token=${token}`, ...extra })
