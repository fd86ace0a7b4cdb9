import { describe, expect, it } from 'vitest'

import { signIn, useBrowser } from '../helpers/browser'

const { openPage } = useBrowser()

describe('Billing → invoice details → tax IDs', () => {
  it('owner@other.test is told the format of a bad VAT number, saves a good one, and sees Stripe verified it', async () => {
    const { page } = await openPage('billing-tax-ids')
    await page.goto('/sign-in?next=/account/billing')
    await signIn(page, 'owner@other.test')
    await page.waitForURL('**/account/billing')

    // The demo customer's address is in Berlin: the country comes from the ISO list.
    await expect(page.getByLabel('Country', { exact: true }).inputValue()).resolves.toBe('DE')
    await page.getByRole('button', { name: 'Add a tax ID' }).click()
    const typePicker = page.getByLabel('Type of tax ID 1')
    await expect(typePicker.locator('option', { hasText: 'Brazilian CNPJ' }).count()).resolves.toBe(1)
    await typePicker.selectOption('eu_vat')

    // Stripe's own example has a valid shape but a wrong check digit.
    await page.getByLabel('Tax ID 1', { exact: true }).fill('DE123456789')
    await page.getByRole('button', { name: 'Save invoice details' }).click()
    const error = page.locator('.field-error', { hasText: 'A German VAT number is DE followed by 9 digits, e.g. DE136695976.' })
    await error.waitFor()
    // Next's route announcer is an alert too; the form's own is inside the form.
    await expect(page.locator('form [role="alert"]').textContent()).resolves.toContain('Some fields need attention.')

    await page.getByLabel('Tax ID 1', { exact: true }).fill('DE 136 695 976')
    await page.getByRole('button', { name: 'Save invoice details' }).click()
    await page.getByText('Saved. Stripe has the new details.').waitFor()

    await page.reload()
    await expect(page.getByLabel('Tax ID 1', { exact: true }).inputValue()).resolves.toBe('DE136695976')
    await expect(page.getByTestId('taxid-verification-0').textContent()).resolves.toBe('Verified')
  })
})
