import { randomUUID } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { previousTotpCode, totpCode } from '../helpers/account'
import { useBrowser } from '../helpers/browser'
import { E2E_PASSWORD, staffApi, staffToken } from '../helpers/staff-api'

const { openPage } = useBrowser()

describe('staff two-factor in /admin', () => {
  it('a staff member sets it up in /admin/two-factor; the next sign-in asks for the code before the admin opens', async () => {
    // A staff member of this test's own (the seeded support account stays password-only for the other files).
    const email = `staff-2fa-${randomUUID().slice(0, 8)}@e2e.test`
    await staffApi('/api/staff', { method: 'POST', token: await staffToken(), body: JSON.stringify({ email, password: E2E_PASSWORD, name: 'E2E two-factor staff' }) })

    const { page } = await openPage('staff-two-factor')
    const signIn = async () => {
      await page.goto('/admin/login')
      await page.getByLabel('Email').fill(email)
      await page.getByLabel('Password').fill(E2E_PASSWORD)
      await page.getByRole('button', { name: 'Login' }).click()
    }
    await signIn()
    await page.waitForURL((url) => url.pathname === '/admin')

    await page.goto('/admin/two-factor')
    await page.getByRole('button', { name: 'Set up two-factor' }).click()
    const key = (await page.getByTestId('totp-key').textContent())!.trim()
    await page.getByLabel('Code from the app').fill(await previousTotpCode(key))
    await page.getByRole('button', { name: 'Turn on' }).click()
    await page.getByTestId('recovery-codes').getByRole('listitem').first().waitFor()
    const codes = await page.getByTestId('recovery-codes').getByRole('listitem').allTextContents()
    expect(codes).toHaveLength(10)

    // Signed out, the password alone leads to the code step, not the admin.
    await page.context().clearCookies()
    await signIn()
    await page.waitForURL((url) => url.pathname === '/admin/two-factor')
    await page.getByLabel('Authentication code').fill('000000')
    await page.getByRole('button', { name: 'Verify' }).click()
    await page.getByText('That code isn’t right.').waitFor()
    // Meanwhile the token the login set opens nothing.
    const token = (await page.context().cookies()).find(({ name }) => name === 'payload-token')?.value
    expect(token).toBeTruthy()
    const me = (await (await fetch(new URL('/api/staff/me', page.url()), { headers: { Authorization: `JWT ${token}` } })).json()) as { user: unknown }
    expect(me.user).toBeNull()

    await page.getByLabel('Authentication code').fill(await totpCode(key, 0))
    await page.getByRole('button', { name: 'Verify' }).click()
    await page.waitForURL((url) => url.pathname === '/admin')
    await page.getByRole('link', { name: 'Two-factor sign-in' }).first().waitFor({ state: 'attached' })

    // And a recovery code works once in place of the app.
    await page.context().clearCookies()
    await signIn()
    await page.waitForURL((url) => url.pathname === '/admin/two-factor')
    await page.getByLabel('Authentication code').fill(codes[0]!)
    await page.getByRole('button', { name: 'Verify' }).click()
    await page.waitForURL((url) => url.pathname === '/admin')
  })
})
