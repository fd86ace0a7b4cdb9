import { describe, expect, it } from 'vitest'

import { signIn, useBrowser } from '../helpers/browser'

const { openPage } = useBrowser()

describe('Billing → Stripe Customer Portal → back', () => {
  it('billing@demo.test changes the card in the portal and sees the new one on return, without reloading', async () => {
    const { page } = await openPage('billing-portal-card')
    await page.goto('/sign-in?next=/account/billing')
    await signIn(page, 'billing@demo.test')
    await page.waitForURL('**/account/billing')
    await expect(page.getByText('Local Stripe emulator — test mode').first().isVisible()).resolves.toBe(true)
    // The demo seed's card, mirrored from the emulator.
    await expect(page.getByTestId('card-on-file').textContent()).resolves.toContain('4242')

    await page.getByRole('button', { name: 'Update payment method' }).click()
    await page.waitForURL((url) => url.pathname.startsWith('/p/session/'))
    await page.getByLabel('Card number').fill('5555555555554444')
    await page.getByLabel('Expiry (MM/YY)').fill('12/34')
    await page.getByLabel('CVC').fill('123')
    await page.getByRole('button', { name: 'Save card' }).click()

    // No reload: back on /account/billing?returned=portal, the page reads the change from Stripe
    // itself and drops the marker from the URL with the new card rendered.
    await page.waitForURL((url) => url.pathname === '/account/billing' && !url.searchParams.has('returned'), { timeout: 20_000 })
    await page.getByTestId('card-on-file').filter({ hasText: '4444' }).waitFor({ timeout: 20_000 })
    const card = (await page.getByTestId('card-on-file').textContent()) ?? ''
    expect(card).toContain('Mastercard')
    expect(card).toContain('4444')
    await expect(page.getByText('Expires 12/2034').isVisible()).resolves.toBe(true)
  })

  it('a viewer sees why Billing is closed to them, and no portal button', async () => {
    const { page } = await openPage('billing-viewer')
    await page.goto('/sign-in?next=/account/billing')
    await signIn(page, 'viewer@demo.test')
    await page.waitForURL('**/account/billing')
    await expect(page.getByRole('button', { name: 'Update payment method' }).count()).resolves.toBe(0)
    const status = await page.request.post('/api/billing/portal-session', { data: { flow: 'payment_method_update' }, headers: { 'Sec-Fetch-Site': 'same-origin' } })
    expect(status.status()).toBe(403)
  })
})
