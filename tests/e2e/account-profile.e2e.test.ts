import { describe, expect, it } from 'vitest'

import { signIn, useBrowser } from '../helpers/browser'
import { createE2eCustomer } from '../helpers/staff-api'

const { openPage } = useBrowser()

describe('the profile form', () => {
  it('lists every time zone in the browser while the page carries only the saved one, and saves a new one', async () => {
    const customer = await createE2eCustomer('profile-zone')
    const { page } = await openPage('profile-zone')
    await page.goto('/sign-in?next=/account')
    await signIn(page, customer.email, customer.password)
    await page.waitForURL('**/account')

    const html = await (await page.request.get('/account', { headers: { 'Sec-Fetch-Site': 'same-origin' } })).text()
    expect(html).not.toContain('America/New_York')
    expect(html).not.toContain('Pacific/Auckland')

    const zone = page.getByLabel('Time zone', { exact: true })
    await expect.poll(() => zone.locator('option').count()).toBeGreaterThan(400)
    await expect(zone.inputValue()).resolves.toBe('UTC')
    await zone.focus()
    await zone.selectOption('America/New_York')
    await page.getByRole('button', { name: 'Save profile' }).click()
    await page.getByText('Profile saved.').waitFor()

    await page.reload()
    await expect.poll(() => zone.locator('option').count()).toBeGreaterThan(400)
    await expect(zone.inputValue()).resolves.toBe('America/New_York')
  })
})
