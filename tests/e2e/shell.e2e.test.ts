import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { baseUrl, signIn, useBrowser } from '../helpers/browser'

const { openPage } = useBrowser()

describe('sign-in and return', () => {
  it('an unauthenticated visit to /account/team goes to sign-in and comes back to /account/team', async () => {
    const { page } = await openPage('signin-return')
    await page.goto('/account/team')
    expect(new URL(page.url()).pathname).toBe('/sign-in')
    expect(new URL(page.url()).searchParams.get('next')).toBe('/account/team')
    await signIn(page, 'admin@demo.test')
    await page.waitForURL('**/account/team')
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Team')
    await expect(page.getByRole('navigation', { name: 'Account sections' }).getByRole('link', { name: 'Team' }).getAttribute('aria-current')).resolves.toBe('page')
  })

  it('a wrong password says so, keeps the email, and does not sign in', async () => {
    const { page } = await openPage('signin-wrong-password')
    await page.goto('/sign-in?next=/account/billing')
    await signIn(page, 'owner@demo.test', 'not-the-password')
    await page.waitForURL('**/sign-in?**')
    await expect(page.getByRole('alert').filter({ hasText: 'don’t match' }).count()).resolves.toBe(1)
    await expect(page.getByLabel('Email').inputValue()).resolves.toBe('owner@demo.test')
    await page.goto('/account')
    expect(new URL(page.url()).pathname).toBe('/sign-in')
  })

  it('next= cannot send anyone off-site', async () => {
    const { page } = await openPage('signin-open-redirect')
    await page.goto('/sign-in?next=//evil.example/phish')
    await signIn(page, 'owner@demo.test')
    await page.waitForURL('**/account')
    expect(new URL(page.url()).origin).toBe(baseUrl())
  })

  it('the first Tab lands on the skip link, which moves focus to the content', async () => {
    const { page } = await openPage('skip-link')
    await page.goto('/sign-in?next=/account')
    await signIn(page, 'owner@demo.test')
    await page.waitForURL('**/account')
    await page.keyboard.press('Tab')
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to content')
    await page.keyboard.press('Enter')
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main')
  })
})

describe('legacy URLs', () => {
  it('/settings/billing answers 308 and lands on /account/billing', async () => {
    const { page, context } = await openPage('legacy-settings')
    const response = await context.request.get('/settings/billing', { maxRedirects: 0 })
    expect(response.status()).toBe(308)
    expect(new URL(response.headers().location, baseUrl()).pathname).toBe('/account/billing')
    await page.goto('/sign-in?next=/account')
    await signIn(page, 'billing@demo.test')
    await page.waitForURL('**/account')
    await page.goto('/settings/billing')
    expect(new URL(page.url()).pathname).toBe('/account/billing')
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Billing')
  })
})

describe('rollout flags', () => {
  let staffToken = ''
  const staffHeaders = () => ({ Authorization: `JWT ${staffToken}`, 'Content-Type': 'application/json' })

  const setTeamFlag = async (flag: Record<string, unknown>) => {
    const response = await fetch(`${baseUrl()}/api/globals/portal-flags`, { method: 'POST', headers: staffHeaders(), body: JSON.stringify({ team: flag }) })
    expect(response.status).toBe(200)
  }

  beforeAll(async () => {
    const login = await fetch(`${baseUrl()}/api/staff/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'staff@demo.test', password: 'portico-demo' }),
    })
    staffToken = ((await login.json()) as { token: string }).token
  })

  afterAll(async () => {
    await setTeamFlag({ mode: 'all' })
  })

  it('a screen staff turned on only for Other Inc is absent from Demo Co’s nav and 404s there', async () => {
    const search = await fetch(`${baseUrl()}/api/organizations?where[name][equals]=Other%20Inc`, { headers: staffHeaders() })
    const otherInc = ((await search.json()) as { docs: Array<{ id: number }> }).docs[0]
    await setTeamFlag({ mode: 'organizations', organizations: [otherInc.id] })

    const demo = await openPage('flag-off-demo')
    await demo.page.goto('/sign-in?next=/account')
    await signIn(demo.page, 'owner@demo.test')
    await demo.page.waitForURL('**/account')
    const nav = demo.page.getByRole('navigation', { name: 'Account sections' })
    await expect(nav.getByRole('link', { name: 'Billing' }).count()).resolves.toBe(1)
    await expect(nav.getByRole('link', { name: 'Team' }).count()).resolves.toBe(0)
    const response = await demo.page.goto('/account/team')
    expect(response?.status()).toBe(404)
    // waitFor, not count(): the not-found UI streams in after the response status is set.
    await demo.page.getByRole('heading', { name: 'Page not found' }).waitFor()
    await demo.context.close()

    const other = await openPage('flag-on-other')
    await other.page.goto('/sign-in?next=/account/team')
    await signIn(other.page, 'owner@other.test')
    await other.page.waitForURL('**/account/team')
    await expect(other.page.getByRole('navigation', { name: 'Account sections' }).getByRole('link', { name: 'Team' }).count()).resolves.toBe(1)
  })

  it('staff cannot switch on a screen that is not in the signed scope', async () => {
    const response = await fetch(`${baseUrl()}/api/globals/portal-flags`, { method: 'POST', headers: staffHeaders(), body: JSON.stringify({ refunds: { mode: 'all' } }) })
    const flags = (await (await fetch(`${baseUrl()}/api/globals/portal-flags`, { headers: staffHeaders() })).json()) as Record<string, unknown>
    expect(response.status).toBeLessThan(500)
    expect(flags).not.toHaveProperty('refunds')
  })
})
