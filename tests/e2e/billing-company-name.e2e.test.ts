import { readFile } from 'node:fs/promises'

import type { Page } from 'playwright-core'
import { describe, expect, inject, it } from 'vitest'

import { createStripeClient, stripeTarget } from '../../src/billing/stripe'
import { signIn, useBrowser } from '../helpers/browser'
import { createE2eCustomer } from '../helpers/staff-api'

const { openPage } = useBrowser()
const stripe = createStripeClient(stripeTarget({ STRIPE_EMULATOR_URL: inject('stripeEmulatorUrl') }))

async function saveCompanyName(page: Page, name: string) {
  await page.getByLabel('Company name').fill(name)
  await page.getByRole('button', { name: 'Save invoice details' }).click()
  await page.getByText('Saved. Stripe has the new details.').waitFor()
}

/** What Stripe does next month, done now: a one-off invoice for the organization's customer, finalized. */
async function invoiceNow(customerId: string, description: string) {
  const invoice = await stripe.invoices.create({ customer: customerId, collection_method: 'send_invoice', days_until_due: 30, description })
  await stripe.invoiceItems.create({ customer: customerId, invoice: invoice.id, amount: 12_000, currency: 'usd', description })
  return stripe.invoices.finalizeInvoice(invoice.id)
}

async function downloadPdfText(page: Page, number: string): Promise<string> {
  const download = page.waitForEvent('download')
  await page.getByRole('link', { name: `Download invoice ${number} as PDF` }).click()
  return (await readFile((await (await download).path())!)).toString('latin1')
}

describe('Billing → company name → the next invoice', () => {
  it('a renamed company is on the next invoice’s PDF, and the one before keeps the old name', async () => {
    const owner = await createE2eCustomer('company-name')
    const { page } = await openPage('billing-company-name')
    await page.goto('/sign-in?next=/account/billing')
    await signIn(page, owner.email, owner.password)
    await page.waitForURL('**/account/billing')
    await page.getByLabel('Billing email').fill(owner.email)
    await page.getByLabel('Address line 1').fill('Friedrichstraße 1')
    await page.getByLabel('City').fill('Berlin')
    await page.getByLabel('Postal code').fill('10117')
    await page.getByLabel('Country', { exact: true }).selectOption('DE')
    await saveCompanyName(page, 'Acme Original GmbH')

    const customer = (await stripe.customers.search({ query: `email:'${owner.email}'` })).data[0]
    expect(customer?.name).toBe('Acme Original GmbH')
    const before = await invoiceNow(customer!.id, 'Setup')
    await saveCompanyName(page, 'Acme Renamed GmbH')
    const after = await invoiceNow(customer!.id, 'Workshop')

    await page.goto('/account/invoices')
    await expect(page.getByTestId('invoice-row').count()).resolves.toBe(2)
    const renamed = await downloadPdfText(page, after.number!)
    expect(renamed).toContain('(Acme Renamed GmbH)')
    const original = await downloadPdfText(page, before.number!)
    expect(original).toContain('(Acme Original GmbH)')
    expect(original).not.toContain('Acme Renamed')
  })
})
