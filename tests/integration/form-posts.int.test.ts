import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { POST as signInPOST } from '../../src/app/(portal)/api/portal/sign-in/route'
import { POST as signOutPOST } from '../../src/app/(portal)/api/portal/sign-out/route'
import { POST as switchPOST } from '../../src/app/(portal)/api/portal/organization/route'
import { payloadSessionAdapter } from '../../src/auth/adapters/payload-adapter'
import { resolvePortalSession } from '../../src/auth/portal-session'
import { cookieHeaders, createAccountUser, TEST_PASSWORD } from '../helpers/account'
import { testPayload } from '../helpers/payload'

let payload: Payload

beforeAll(async () => {
  payload = await testPayload()
})

const form = (url: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  new Request(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(fields) })

describe('the portal’s form posts', () => {
  it('sign-in refuses a cross-site POST (login CSRF) and sets no cookie; a same-origin one signs in', async () => {
    const user = await createAccountUser(payload, 'csrf')
    const fields = { email: user.email, password: TEST_PASSWORD, next: '/account' }
    const crossSite: Record<string, string>[] = [{ Origin: 'https://evil.example' }, { 'Sec-Fetch-Site': 'cross-site' }, { 'Sec-Fetch-Site': 'same-site' }, { Origin: 'null' }]
    for (const headers of crossSite) {
      const response = await signInPOST(form('http://portal.test/api/portal/sign-in', fields, headers))
      expect(response.status).toBe(403)
      expect(response.headers.get('set-cookie')).toBeNull()
    }
    // A page of ours with `referrer: no-referrer` posts with Origin: null; Sec-Fetch-Site says same-origin.
    expect((await signInPOST(form('http://portal.test/api/portal/sign-in', { ...fields, password: 'wrong' }, { Origin: 'null', 'Sec-Fetch-Site': 'same-origin' }))).status).toBe(303)
    const ok = await signInPOST(form('http://portal.test/api/portal/sign-in', fields, { Origin: 'http://portal.test', 'Sec-Fetch-Site': 'same-origin' }))
    expect(ok.status).toBe(303)
    expect(ok.headers.get('set-cookie')).toMatch(/-token=/)
  })

  it('the organization switcher refuses a cross-site POST', async () => {
    const response = await switchPOST(form('http://portal.test/api/portal/organization', { organizationId: '1' }, { Origin: 'https://evil.example' }))
    expect(response.status).toBe(403)
  })

  it('sign-out ends the session on the server, even when the request carries no Origin header', async () => {
    const user = await createAccountUser(payload, 'sign-out')
    const { token } = await payload.login({ collection: 'users', data: { email: user.email, password: TEST_PASSWORD } })
    const headers = cookieHeaders(payload, token!)
    expect(await resolvePortalSession(payload, headers, payloadSessionAdapter)).not.toBeNull()
    const response = await signOutPOST(new Request('http://portal.test/api/portal/sign-out', { method: 'POST', headers: { cookie: headers.get('cookie')! } }))
    expect(response.status).toBe(303)
    expect(response.headers.get('set-cookie')).toContain(`${payload.config.cookiePrefix}-token=;`)
    // The same token, replayed, is dead: its sid is gone from users_sessions.
    expect(await resolvePortalSession(payload, headers, payloadSessionAdapter)).toBeNull()
  })
})
