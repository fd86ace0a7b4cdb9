import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'

import { signIn, useBrowser } from '../helpers/browser'

const { openPage } = useBrowser()
const SAME_ORIGIN = { 'Sec-Fetch-Site': 'same-origin' }

const setProfile = (page: Page, profile: { name: string; locale: string; timeZone: string }) =>
  page.request.patch('/api/portal/account/profile', { data: profile, headers: SAME_ORIGIN })

describe('a page a role may not open answers 403 inside the shell', () => {
  it.each([
    ['member@demo.test', '/account/activity', 'Activity'],
    ['viewer@demo.test', '/account/invoices', 'Invoices'],
  ])('%s opening %s gets HTTP 403, says why, and keeps the nav', async (email, path, section) => {
    const { page } = await openPage(`forbidden-${email}`)
    await page.goto(`/sign-in?next=${path}`)
    await signIn(page, email)
    await page.waitForURL(`**${path}`)
    const response = await page.goto(path)
    expect(response!.status()).toBe(403)
    await page.getByRole('heading', { name: `You don’t have access to ${section}` }).waitFor()
    await page.locator('nav.shell-nav').waitFor()
    // The same role opening a page it may see still gets 200.
    expect((await page.goto('/account/team'))!.status()).toBe(200)
  })
})

describe('a German user', () => {
  it('sees the shell, the Team page and an invoice date in German', async () => {
    const { page } = await openPage('locale-german')
    await page.goto('/sign-in?next=/account')
    await signIn(page, 'billing@demo.test')
    await page.waitForURL('**/account')
    const saved = await setProfile(page, { name: 'Billing Demo', locale: 'de-DE', timeZone: 'Europe/Berlin' })
    expect(saved.status()).toBe(200)
    try {
      await page.goto('/account/team')
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('de')
      await expect(page.getByRole('navigation', { name: 'Kontobereiche' }).isVisible()).resolves.toBe(true)
      await expect(page.getByRole('heading', { name: 'Team', level: 1 }).isVisible()).resolves.toBe(true)
      await expect(page.getByText('Nur Inhaber und Admins können das Team ändern.').isVisible()).resolves.toBe(true)
      await expect(page.getByRole('button', { name: 'Abmelden' }).isVisible()).resolves.toBe(true)
      const joined = await page.locator('table').first().locator('tbody tr td').allInnerTexts()
      expect(joined.some((cell) => /^\d{2}\.\d{2}\.\d{4}$/.test(cell.trim())), joined.join(' | ')).toBe(true)

      await page.goto('/account/invoices')
      await page.getByTestId('invoice-row').first().waitFor()
      const date = await page.getByTestId('invoice-row').first().locator('time').innerText()
      expect(date).toMatch(/^\d{2}\.\d{2}\.\d{4}$/)
      const total = await page.getByTestId('invoice-total').first().innerText()
      expect(total).toMatch(/^-?[\d.]+,\d{2}\s\$$/)
      await expect(page.getByRole('heading', { name: 'Rechnungen', level: 1 }).isVisible()).resolves.toBe(true)
    } finally {
      // Later files sign in as billing@demo.test and read English.
      await setProfile(page, { name: 'Billing Demo', locale: 'en-US', timeZone: 'UTC' })
    }
  })
})
