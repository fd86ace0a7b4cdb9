import { generate } from 'otplib'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'

import { baseUrl, signIn, useBrowser } from '../helpers/browser'
import { createE2eCustomer } from '../helpers/staff-api'

const { openPage } = useBrowser()

/** What the authenticator app would show `steps` periods from now (each step is accepted once). */
const codeFor = (key: string, steps: number) => generate({ secret: key, epoch: Math.floor(Date.now() / 1000) + steps * 30 })

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out', exact: true }).click()
  await page.waitForURL('**/sign-in')
}

async function signInWithCode(page: Page, email: string, password: string, code: string) {
  await page.goto('/sign-in')
  await signIn(page, email, password)
  await page.waitForURL('**/sign-in/two-factor**')
  await page.getByLabel('Authentication code').fill(code)
  await page.getByRole('button', { name: 'Verify' }).click()
}

describe('two-factor sign-in', () => {
  it('enrol from the shown key → sign-in needs the code → a recovery code works once, not twice', async () => {
    const customer = await createE2eCustomer('two-factor')
    const { page } = await openPage('account-two-factor')
    await page.goto('/sign-in')
    await signIn(page, customer.email, customer.password)
    await page.waitForURL('**/account')

    await page.getByRole('button', { name: 'Set up two-factor' }).click()
    const key = (await page.getByTestId('totp-key').textContent())!.trim()
    await expect(page.getByRole('img', { name: 'QR code for your authenticator app' }).locator('svg').count()).resolves.toBe(1)
    await page.getByLabel('Code from the app').fill(await codeFor(key, 0))
    await page.getByRole('button', { name: 'Turn on' }).click()
    await page.getByTestId('recovery-codes').waitFor()
    const codes = await page.getByTestId('recovery-codes').locator('code').allTextContents()
    expect(codes).toHaveLength(10)
    await expect(page.getByRole('link', { name: 'Download as text' }).getAttribute('download')).resolves.toBe('portico-recovery-codes.txt')
    await page.getByRole('button', { name: 'I’ve saved them' }).click()
    await page.getByText(/^On since/).waitFor()

    await signOut(page)
    // The password alone opens nothing: the account pages still send us to sign in.
    await page.goto('/sign-in')
    await signIn(page, customer.email, customer.password)
    await page.waitForURL('**/sign-in/two-factor**')
    await page.goto('/account')
    expect(new URL(page.url()).pathname).toBe('/sign-in')

    await signInWithCode(page, customer.email, customer.password, await codeFor(key, 1))
    await page.waitForURL('**/account')

    await signOut(page)
    await signInWithCode(page, customer.email, customer.password, codes[0])
    await page.waitForURL('**/account')

    await signOut(page)
    await signInWithCode(page, customer.email, customer.password, codes[0])
    await page.waitForURL('**/sign-in/two-factor?**error=invalid**')
    await expect(page.getByRole('alert').filter({ hasText: 'isn’t right' }).count()).resolves.toBe(1)
    await page.goto('/account')
    expect(new URL(page.url()).pathname).toBe('/sign-in')
  })

  it('POST /api/users/login with the right password returns no usable session for an enrolled user', async () => {
    const customer = await createE2eCustomer('rest-login')
    const { page, context } = await openPage('account-rest-login')
    await page.goto('/sign-in')
    await signIn(page, customer.email, customer.password)
    await page.waitForURL('**/account')
    await page.getByRole('button', { name: 'Set up two-factor' }).click()
    const key = (await page.getByTestId('totp-key').textContent())!.trim()
    await page.getByLabel('Code from the app').fill(await codeFor(key, 0))
    await page.getByRole('button', { name: 'Turn on' }).click()
    await page.getByTestId('recovery-codes').waitFor()
    await context.close()

    const login = await fetch(`${baseUrl()}/api/users/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: customer.email, password: customer.password }) })
    expect(login.status).toBe(200)
    const { token } = (await login.json()) as { token: string }
    const withToken = { Authorization: `JWT ${token}` }
    const cookie = { cookie: `payload-token=${token}`, 'Sec-Fetch-Site': 'same-origin' }

    await expect((await fetch(`${baseUrl()}/api/users/me`, { headers: withToken })).json()).resolves.toMatchObject({ user: null })
    const graphql = await fetch(`${baseUrl()}/api/graphql`, { method: 'POST', headers: { ...withToken, 'Content-Type': 'application/json' }, body: JSON.stringify({ query: '{ meUser { user { id } } }' }) })
    expect(((await graphql.json()) as { data: { meUser: { user: unknown } } }).data.meUser.user).toBeNull()
    expect((await fetch(`${baseUrl()}/api/portal/account/sessions`, { headers: cookie })).status).toBe(401)
    const account = await fetch(`${baseUrl()}/account`, { headers: cookie, redirect: 'manual' })
    expect(new URL(account.headers.get('location') ?? '', baseUrl()).pathname).toBe('/sign-in')

    // The code turns the same token into a session.
    const verify = await fetch(`${baseUrl()}/api/portal/two-factor/verify`, { method: 'POST', headers: { ...withToken, 'Content-Type': 'application/json' }, body: JSON.stringify({ code: await codeFor(key, 1) }) })
    await expect(verify.json()).resolves.toMatchObject({ success: true, data: { method: 'totp' } })
    await expect((await fetch(`${baseUrl()}/api/users/me`, { headers: withToken })).json()).resolves.toMatchObject({ user: { email: customer.email } })
    expect((await fetch(`${baseUrl()}/api/portal/account/sessions`, { headers: cookie })).status).toBe(200)
  })
})
