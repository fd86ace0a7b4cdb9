import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { checkSecondFactor } from '../../src/account/two-factor/check-second-factor'
import { needsTwoFactorEnrolment } from '../../src/account/two-factor/needs-enrolment'
import { readPendingChallenge } from '../../src/account/two-factor/pending-challenge'
import { regenerateRecoveryCodes } from '../../src/account/two-factor/regenerate-recovery-codes'
import { readTwoFactorState } from '../../src/account/two-factor/two-factor-state'
import { verifyChallenge } from '../../src/account/two-factor/verify-challenge'
import { PUT as requirementRoute } from '../../src/app/(portal)/api/portal/account/organization-two-factor/route'
import { POST as setupPOST } from '../../src/app/(portal)/api/portal/account/two-factor/setup/route'
import { GET as teamGET } from '../../src/app/(portal)/api/team/members/route'
import { payloadSessionAdapter } from '../../src/auth/adapters/payload-adapter'
import { resolvePortalSession } from '../../src/auth/portal-session'
import { PortalError } from '../../src/lib/api/portal-error'
import { cookieHeaders, createAccountUser, enrolTwoFactor, TEST_PASSWORD, totpCode } from '../helpers/account'
import { routeCaller } from '../helpers/call-route'
import { createOrganizationWithEveryRole, testPayload } from '../helpers/payload'

let payload: Payload

beforeAll(async () => {
  payload = await testPayload()
})

const rejection = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as PortalError)

describe('two-factor sign-in gate', () => {
  it('a password login of an enrolled user yields only a pending session until the code is given', async () => {
    const user = await createAccountUser(payload, 'gate')
    const { key } = await enrolTwoFactor(payload, user)
    const { token } = await payload.login({ collection: 'users', data: { email: user.email, password: TEST_PASSWORD } })
    const headers = cookieHeaders(payload, token!)

    // Every consumer of Payload auth refuses it: the portal, and Payload's REST/GraphQL (payload.auth).
    expect(await resolvePortalSession(payload, headers, payloadSessionAdapter)).toBeNull()
    expect((await payload.auth({ headers })).user).toBeNull()
    expect((await payload.auth({ headers: new Headers({ authorization: `JWT ${token}` }) })).user).toBeNull()

    const challenge = await readPendingChallenge(payload, headers)
    expect(challenge).toMatchObject({ userId: user.id })
    expect((await rejection(verifyChallenge(payload, challenge!, '000000')))?.code).toBe('invalid_request')
    expect(await resolvePortalSession(payload, headers, payloadSessionAdapter)).toBeNull()

    await verifyChallenge(payload, challenge!, await totpCode(key, 0))
    expect((await resolvePortalSession(payload, headers, payloadSessionAdapter))?.user.id).toBe(user.id)
    expect((await payload.auth({ headers })).user?.id).toBe(user.id)
    // The challenge is spent: the same token can't be "verified" again.
    expect(await readPendingChallenge(payload, headers)).toBeNull()
    // Moving sessions around leaves the rest of the account alone.
    expect((await readTwoFactorState(payload, user.id)).recoveryCodesLeft).toBe(10)
  })

  it('a user without two-factor gets a full session at once', async () => {
    const user = await createAccountUser(payload, 'plain')
    const { token } = await payload.login({ collection: 'users', data: { email: user.email, password: TEST_PASSWORD } })
    expect((await resolvePortalSession(payload, cookieHeaders(payload, token!), payloadSessionAdapter))?.user.id).toBe(user.id)
    expect(await readPendingChallenge(payload, cookieHeaders(payload, token!))).toBeNull()
  })

  it('a TOTP code works once; a recovery code works once, not twice', async () => {
    const user = await createAccountUser(payload, 'single-use')
    const { key, recoveryCodes } = await enrolTwoFactor(payload, user)
    const code = await totpCode(key, 0)
    expect(await checkSecondFactor(payload, user.id, code)).toBe('totp')
    expect((await rejection(checkSecondFactor(payload, user.id, code)))?.code).toBe('invalid_request')
    expect(await checkSecondFactor(payload, user.id, recoveryCodes[0].toLowerCase())).toBe('recovery')
    expect((await rejection(checkSecondFactor(payload, user.id, recoveryCodes[0])))?.code).toBe('invalid_request')
  })

  it('locks after 5 wrong codes, refuses even the right code meanwhile, and locks longer each time', async () => {
    const user = await createAccountUser(payload, 'lockout')
    const { key } = await enrolTwoFactor(payload, user)
    for (let attempt = 1; attempt <= 5; attempt++) expect((await rejection(checkSecondFactor(payload, user.id, '000000')))?.code).toBe('invalid_request')
    const locked = await rejection(checkSecondFactor(payload, user.id, await totpCode(key, 0)))
    expect(locked?.code).toBe('rate_limited')
    expect(locked?.message).toMatch(/(29|30) seconds/)

    // The lock ran out: five more wrong codes lock for twice as long.
    await payload.db.pool.query(`UPDATE users SET two_factor_locked_until = now() - interval '1 second' WHERE id = $1`, [user.id])
    for (let attempt = 1; attempt <= 5; attempt++) await rejection(checkSecondFactor(payload, user.id, '000000'))
    expect((await rejection(checkSecondFactor(payload, user.id, await totpCode(key, 0))))?.message).toMatch(/(59|60) seconds/)

    // A burst of parallel guesses after a lock still gets only five checks.
    await payload.db.pool.query(`UPDATE users SET two_factor_locked_until = now() - interval '1 second' WHERE id = $1`, [user.id])
    const burst = await Promise.all(Array.from({ length: 12 }, () => rejection(checkSecondFactor(payload, user.id, '000000'))))
    expect(burst.filter((error) => error?.code === 'invalid_request')).toHaveLength(5)
    expect(burst.filter((error) => error?.code === 'rate_limited')).toHaveLength(7)
  })

  it('stores the TOTP secret encrypted and the recovery codes hashed; no API shows them', async () => {
    const user = await createAccountUser(payload, 'at-rest')
    const { key, recoveryCodes } = await enrolTwoFactor(payload, user)
    const { rows } = await payload.db.pool.query(`SELECT totp_secret FROM users WHERE id = $1`, [user.id])
    expect(rows[0].totp_secret).toMatch(/^v1:/)
    expect(rows[0].totp_secret).not.toContain(key)
    const { rows: codes } = await payload.db.pool.query(`SELECT hash FROM users_recovery_codes WHERE _parent_id = $1`, [user.id])
    expect(codes).toHaveLength(10)
    expect(codes.map((row) => row.hash)).not.toContain(recoveryCodes[0])
    const viaApi = await payload.findByID({ collection: 'users', id: user.id, overrideAccess: false, user: { ...user, collection: 'users' } })
    expect(viaApi).not.toHaveProperty('totpSecret')
    expect(viaApi).not.toHaveProperty('recoveryCodes')
    expect(viaApi.twoFactorEnabledAt).toBeTruthy()
  })

  it('a customer cannot turn two-factor off or change their email through Payload’s API', async () => {
    const user = await createAccountUser(payload, 'guard')
    await enrolTwoFactor(payload, user)
    const asSelf = { overrideAccess: false, user: { ...user, collection: 'users' as const } }
    await payload.update({ collection: 'users', id: user.id, data: { twoFactorEnabledAt: null, name: 'Renamed' }, ...asSelf })
    const after = await payload.findByID({ collection: 'users', id: user.id })
    expect(after.twoFactorEnabledAt).toBeTruthy()
    expect(after.name).toBe('Renamed')
    await expect(payload.update({ collection: 'users', id: user.id, data: { email: 'elsewhere@account.test' }, ...asSelf })).rejects.toThrow()
    await expect(payload.update({ collection: 'users', id: user.id, data: { password: 'another-long-passphrase' }, ...asSelf })).rejects.toThrow()
  })
})

describe('organization requires two-factor', () => {
  const setRequirement = async (email: string, required: boolean) => {
    const { token } = await payload.login({ collection: 'users', data: { email, password: 'test-password-1' } })
    return requirementRoute(new Request('http://portal.test/api/portal/account/organization-two-factor', { method: 'PUT', headers: cookieHeaders(payload, token!), body: JSON.stringify({ required }) }))
  }

  it('only the owner may switch it on; then members without two-factor must enrol', async () => {
    const { organization, members } = await createOrganizationWithEveryRole(payload, 'require-2fa')
    const ids = [organization.id]
    expect((await setRequirement(members.admin.email, true)).status).toBe(403)
    expect(await needsTwoFactorEnrolment(payload, members.member, ids)).toBe(false)

    expect((await setRequirement(members.owner.email, true)).status).toBe(200)
    expect(await needsTwoFactorEnrolment(payload, members.member, ids)).toBe(true)
    await enrolTwoFactor(payload, members.member)
    const enrolled = await payload.findByID({ collection: 'users', id: members.member.id })
    expect(await needsTwoFactorEnrolment(payload, enrolled, ids)).toBe(false)
    const { docs } = await payload.find({ collection: 'portal-audit', where: { action: { equals: 'organization.two_factor_requirement_changed' }, organization: { equals: organization.id } }, overrideAccess: true })
    expect(docs).toHaveLength(1)
  })
})

describe('an organization that requires two-factor, on the JSON routes', () => {
  it('refuses every route but enrolment to a member without two-factor, with the reason; enrolled, they pass', async () => {
    const org = await createOrganizationWithEveryRole(payload, 'requires-2fa-json')
    await payload.update({ collection: 'organizations', id: org.organization.id, data: { requireTwoFactor: true } })
    const call = routeCaller(payload)
    const member = org.members.member
    const refused = await call(teamGET, member, '/api/team/members')
    expect(refused.status).toBe(403)
    expect(refused.body.error?.message).toMatch(/requires two-factor/)
    expect((await call(setupPOST, member, '/api/portal/account/two-factor/setup', { method: 'POST' })).status).toBe(200)
    // Once enrolled (directly, as the enable route would), the same session's call goes through.
    await enrolTwoFactor(payload, member)
    expect((await call(teamGET, member, '/api/team/members')).status).toBe(200)
  })
})

describe('new recovery codes', () => {
  it('need a current code, replace the old set, and are shown once', async () => {
    const user = await createAccountUser(payload, 'regenerate')
    const { key, recoveryCodes: old } = await enrolTwoFactor(payload, user)
    const actor = { kind: 'customer' as const, user: { id: user.id, email: user.email }, ip: null, userAgent: null, requestId: null }
    expect((await rejection(regenerateRecoveryCodes(payload, { userId: user.id, code: '000000', actor })))?.code).toBe('invalid_request')
    const { recoveryCodes } = await regenerateRecoveryCodes(payload, { userId: user.id, code: await totpCode(key, 1), actor })
    expect(recoveryCodes).toHaveLength(10)
    expect(recoveryCodes).not.toContain(old[0])
    expect((await rejection(checkSecondFactor(payload, user.id, old[1]!)))?.code).toBe('invalid_request')
    expect(await checkSecondFactor(payload, user.id, recoveryCodes[0]!)).toBe('recovery')
    const audit = await payload.find({ collection: 'portal-audit', where: { action: { equals: 'account.recovery_codes_regenerated' }, entityId: { equals: String(user.id) } }, depth: 0 })
    expect(audit.docs).toHaveLength(1)
    expect(JSON.stringify(audit.docs[0])).not.toContain(recoveryCodes[0])
  })
})
