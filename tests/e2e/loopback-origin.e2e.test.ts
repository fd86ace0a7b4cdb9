import { describe, expect, it } from 'vitest'

import { eventTypesFor } from '../../src/notifications/event-catalog'
import { baseUrl } from '../helpers/browser'

/** The demo opened at http://127.0.0.1:<port> while PORTAL_URL says localhost: saves must work, a foreign origin still not. */
describe('the portal opened at a loopback alias of PORTAL_URL', () => {
  const alias = () => baseUrl().replace('//localhost:', '//127.0.0.1:')

  async function signInAt(origin: string): Promise<string> {
    const response = await fetch(`${origin}/api/portal/sign-in`, {
      method: 'POST',
      headers: { Origin: origin },
      body: new URLSearchParams({ email: 'member@demo.test', password: 'portico-demo', next: '/account' }),
      redirect: 'manual',
    })
    const cookie = response.headers.get('set-cookie')?.split(';')[0]
    expect(cookie, `sign-in at ${origin} answered ${response.status} without a session cookie`).toBeTruthy()
    return cookie!
  }

  const savePreference = (origin: string, cookie: string, enabled: boolean) =>
    fetch(`${alias()}/api/portal/notifications/preferences`, {
      method: 'PUT',
      headers: { Origin: origin, Cookie: cookie, 'Content-Type': 'application/json' },
      body: JSON.stringify({ preferences: [{ eventType: eventTypesFor('member')[0], channel: 'email', enabled }] }),
    })

  it('accepts a save sent from 127.0.0.1 with the session cookie it was given there', async () => {
    expect(baseUrl()).toContain('//localhost:')
    const cookie = await signInAt(alias())
    const saved = await savePreference(alias(), cookie, false)
    expect(saved.status, await saved.clone().text()).toBe(200)
    expect((await savePreference(alias(), cookie, true)).status).toBe(200)
  })

  it('still ignores the cookie on a request from another origin', async () => {
    const cookie = await signInAt(alias())
    const refused = await savePreference('http://evil.example', cookie, false)
    expect(refused.status).toBe(401)
  })
})
