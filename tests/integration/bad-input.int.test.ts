import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { PATCH as profilePATCH } from '../../src/app/(portal)/api/portal/account/profile/route'
import { GET as activityGET } from '../../src/app/(portal)/api/portal/activity/route'
import { POST as readPOST } from '../../src/app/(portal)/api/portal/notifications/read/route'
import { POST as resendPOST } from '../../src/app/(portal)/api/team/invitations/[id]/resend/route'
import { DELETE as invitationDELETE } from '../../src/app/(portal)/api/team/invitations/[id]/route'
import { DELETE as memberDELETE } from '../../src/app/(portal)/api/team/members/[memberId]/route'
import { PATCH as membersPATCH } from '../../src/app/(portal)/api/team/members/route'
import { POST as transferPOST } from '../../src/app/(portal)/api/team/transfer-ownership/route'
import { routeCaller } from '../helpers/call-route'
import { createOrganizationWithEveryRole, type TestOrganization, testPayload } from '../helpers/payload'
import { payloadHttp } from '../helpers/payload-http'

let payload: Payload
let org: TestOrganization
let call: ReturnType<typeof routeCaller>
let http: Awaited<ReturnType<typeof payloadHttp>>

beforeAll(async () => {
  payload = await testPayload()
  org = await createOrganizationWithEveryRole(payload, 'bad-input')
  call = routeCaller(payload)
  http = await payloadHttp(payload)
})

const PAST_INT32 = 2_147_483_648

describe('bad input gets a 4xx with a field, never a 5xx, and writes nothing', () => {
  it('ids past 2³¹−1 in portal routes: 422 naming the field', async () => {
    const owner = org.members.owner
    const cases = [
      await call(readPOST, owner, '/api/portal/notifications/read', { method: 'POST', body: { ids: [PAST_INT32] } }),
      await call(membersPATCH, owner, '/api/team/members', { method: 'PATCH', body: { memberId: PAST_INT32, newRole: 'viewer' } }),
      await call(transferPOST, owner, '/api/team/transfer-ownership', { method: 'POST', body: { memberId: PAST_INT32, confirm: org.organization.name } }),
      await call(memberDELETE, owner, `/api/team/members/${PAST_INT32}`, { method: 'DELETE', params: { memberId: String(PAST_INT32) } }),
      await call(invitationDELETE, owner, `/api/team/invitations/${PAST_INT32}`, { method: 'DELETE', params: { id: String(PAST_INT32) } }),
      await call(resendPOST, owner, `/api/team/invitations/${PAST_INT32}/resend`, { method: 'POST', params: { id: String(PAST_INT32) } }),
      await call(activityGET, owner, `/api/portal/activity?member=${PAST_INT32}`),
      await call(memberDELETE, owner, '/api/team/members/1.5', { method: 'DELETE', params: { memberId: '1.5' } }),
    ]
    for (const result of cases) {
      expect(result.status).toBe(422)
      expect(result.body.success).toBe(false)
      expect(Object.keys(result.body.error?.fields ?? {})).toHaveLength(1)
    }
  })

  it('a NUL byte or a lone surrogate in the profile name: 422 on the field, the name unchanged', async () => {
    const user = org.members.member
    for (const name of ['Ada\u0000Lovelace', 'Ada \uD83D']) {
      const result = await call(profilePATCH, user, '/api/portal/account/profile', { method: 'PATCH', body: { name, locale: 'en-US', timeZone: 'UTC' } })
      expect(result.status).toBe(422)
      expect(result.body.error?.fields).toHaveProperty('name')
      expect((await payload.findByID({ collection: 'users', id: user.id })).name).toBe(user.name)
    }
  })

  it('Payload REST: ids that aren’t ids, negative pages, near queries, NUL text → 4xx', async () => {
    const token = await http.login('users', org.members.owner.email, 'test-password-1')
    const statuses = await Promise.all(
      ['users/abc', 'users/1.5', `users/${PAST_INT32}`, 'memberships/99999999999', 'users?page=-5', 'users?limit=-1', 'users?where[id][near]=1,2'].map(async (path) => (await http.rest('GET', path, token)).status),
    )
    for (const status of statuses) expect(status).toBeGreaterThanOrEqual(400), expect(status).toBeLessThan(500)
    const patch = await http.rest('PATCH', `users/${org.members.owner.id}`, token, { name: 'Null\u0000Name' })
    expect(patch.status).toBe(400)
    expect((await payload.findByID({ collection: 'users', id: org.members.owner.id })).name).toBe(org.members.owner.name)
  })

  it('GraphQL: a body that isn’t JSON → 400', async () => {
    const token = await http.login('users', org.members.owner.email, 'test-password-1')
    expect((await http.graphqlRaw('{bad', token)).status).toBe(400)
  })
})
