import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'

import { signIn, useBrowser } from '../helpers/browser'
import { waitForMail } from '../helpers/mailbox'
import { createE2eCustomer } from '../helpers/staff-api'

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

  it('sees Account, Billing, Usage, API keys and Notifications in German, page titles included, and is emailed in German', async () => {
    // An owner of a fresh organization opens every screen, and nobody else reads this profile.
    const customer = await createE2eCustomer('locale-de')
    const { page } = await openPage('locale-german-screens')
    await page.goto('/sign-in?next=/account')
    await signIn(page, customer.email, customer.password)
    await page.waitForURL('**/account')
    expect((await setProfile(page, { name: 'Erika Muster', locale: 'de-DE', timeZone: 'Europe/Berlin' })).status()).toBe(200)

    const screens: Array<[string, string, string[]]> = [
      ['/account', 'Konto', ['Profil', 'Passwort', 'Zwei-Faktor-Anmeldung', 'Wo Sie angemeldet sind', 'Ihre Organisationen']],
      ['/account/billing', 'Abrechnung', ['Tarif', 'Hinterlegte Karte', 'Rechnungsangaben']],
      ['/account/usage', 'Nutzung', []],
      ['/account/api-keys', 'API-Schlüssel', ['Schlüssel', 'Schlüssel erstellen']],
      ['/account/notifications', 'Benachrichtigungen', ['Posteingang', 'Worüber wir Sie informieren']],
    ]
    for (const [path, heading, sections] of screens) {
      await page.goto(path)
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor()
      await expect(page.title(), path).resolves.toBe(`${heading} · Portico`)
      for (const section of sections) await expect(page.getByRole('heading', { name: section, exact: true }).first().isVisible(), `${path}: ${section}`).resolves.toBe(true)
    }
    await page.goto('/account')
    await expect(page.getByLabel('Sprache und Datumsformat', { exact: true }).isVisible()).resolves.toBe(true)
    await expect(page.getByRole('button', { name: 'Profil speichern' }).isVisible()).resolves.toBe(true)
    await expect(page.getByRole('table', { name: 'Ihre Sitzungen' }).getByText('Dieses Gerät').isVisible()).resolves.toBe(true)
    await page.goto('/account/billing')
    await expect(page.getByLabel('Land', { exact: true }).isVisible()).resolves.toBe(true)
    await expect(page.getByRole('option', { name: 'Deutschland' }).count()).resolves.toBe(1)
    await page.goto('/account/usage')
    await expect(page.getByLabel('Kennzahl', { exact: true }).isVisible()).resolves.toBe(true)
    await page.getByRole('heading', { name: 'Budgetwarnungen' }).waitFor()
    await page.goto('/account/api-keys')
    await expect(page.getByRole('button', { name: 'Nur lesen' }).isVisible()).resolves.toBe(true)
    await page.goto('/account/notifications')
    await expect(page.getByRole('rowheader', { name: 'Eine Sitzung wurde abgemeldet' }).isVisible()).resolves.toBe(true)

    // A second browser, signed out from here: the security email comes in German.
    const second = await openPage('locale-german-second')
    await second.page.goto('/sign-in')
    await signIn(second.page, customer.email, customer.password)
    await second.page.waitForURL('**/account')
    const revokedAt = Date.now() - 1_000
    await page.goto('/account')
    const sessions = page.getByRole('table', { name: 'Ihre Sitzungen' })
    await sessions.getByRole('button', { name: / abmelden$/ }).first().click()
    await sessions.locator('tbody tr').nth(1).waitFor({ state: 'detached' })
    const mail = await waitForMail(customer.email, /^Eine Sitzung wurde abgemeldet/, { after: revokedAt })
    expect(mail.text).toContain('Von: ')
    expect(mail.text).toContain('Ihr Konto öffnen: ')
  })
})
