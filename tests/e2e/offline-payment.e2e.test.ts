import { describe, expect, inject, it } from 'vitest'

import { createStripeClient, stripeTarget } from '../../src/billing/stripe'
import { signIn, useBrowser } from '../helpers/browser'
import { waitForMail } from '../helpers/mailbox'
import { createE2eTeam, staffApi, staffToken } from '../helpers/staff-api'

const { openPage } = useBrowser()
const stripe = createStripeClient(stripeTarget({ STRIPE_EMULATOR_URL: inject('stripeEmulatorUrl') }))

describe('Invoices → record an offline payment → staff confirm in /admin → paid', () => {
  it('billing records a wire with the keyboard, staff confirm it in /admin, and the portal shows the invoice paid', async () => {
    const { organizationId, members } = await createE2eTeam('offline-pay', ['owner', 'billing'])
    const billing = members[1]!
    const token = await staffToken()
    const customer = await stripe.customers.create({ name: 'E2E offline-pay Org', email: billing.email, metadata: { organizationId: String(organizationId) } })
    await staffApi(`/api/organizations/${organizationId}`, { method: 'PATCH', token, body: JSON.stringify({ stripeCustomerId: customer.id }) })
    const draft = await stripe.invoices.create({ customer: customer.id, collection_method: 'send_invoice', days_until_due: 30, description: 'Annual support' })
    await stripe.invoiceItems.create({ customer: customer.id, invoice: draft.id, amount: 25_000, currency: 'usd', description: 'Annual support' })
    const invoice = await stripe.invoices.finalizeInvoice(draft.id)

    const { page } = await openPage('offline-payment-customer')
    await page.goto('/sign-in?next=/account/invoices')
    await signIn(page, billing.email, billing.password)
    await page.waitForURL('**/account/invoices')
    const row = page.locator(`[data-invoice-id="${invoice.id}"]`)
    await row.getByText('Open', { exact: true }).waitFor()

    // Keyboard only: the button opens the dialog, the form shows each error beside its field.
    await row.getByRole('button', { name: `Record a payment for invoice ${invoice.number}` }).focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: `Record a payment for ${invoice.number}` })
    await dialog.waitFor()
    await expect(dialog.getByLabel('Amount paid (USD)').inputValue()).resolves.toBe('250.00')
    await dialog.getByLabel('Payment reference').focus()
    await page.keyboard.press('Enter')
    await dialog.getByText('Enter the bank or cheque reference, so we can find the payment.').waitFor()
    await expect(dialog.getByLabel('Payment reference').evaluate((input) => input === document.activeElement)).resolves.toBe(true)
    await page.keyboard.type('WIRE-E2E-0001')
    await page.keyboard.press('Enter')
    await dialog.getByText('Recorded. We’ll email the billing contacts when it is confirmed.').waitFor()
    await dialog.getByRole('button', { name: 'Close' }).click()
    await row.getByTestId('offline-payment-status').getByText(/Payment of \$250\.00 recorded on .*, waiting for confirmation/).waitFor()
    await expect(row.getByRole('button', { name: /Record a wire or cheque payment/ }).count()).resolves.toBe(0)

    const { docs } = await staffApi<{ docs: Array<{ id: number; status: string; reference: string }> }>(`/api/offline-payments?where[stripeInvoiceId][equals]=${invoice.id}&depth=0`, { token })
    expect(docs.map((doc) => [doc.status, doc.reference])).toEqual([['reported', 'WIRE-E2E-0001']])

    const { page: admin } = await openPage('offline-payment-staff')
    await admin.goto('/admin/login')
    await admin.getByLabel('Email').fill('staff@demo.test')
    await admin.getByLabel('Password').fill('portico-demo')
    await admin.getByRole('button', { name: 'Login' }).click()
    await admin.waitForURL((url) => url.pathname === '/admin')
    await admin.goto(`/admin/collections/offline-payments/${docs[0]!.id}`)
    await admin.getByRole('button', { name: 'Confirm payment' }).click()
    await admin.getByTestId('offline-payment-decided').getByText('Confirmed: the Stripe invoice is paid out of band.').waitFor()
    await expect(stripe.invoices.retrieve(invoice.id).then((paid) => paid.status)).resolves.toBe('paid')

    await page.reload()
    await row.getByText('Paid', { exact: true }).waitFor()
    await row.getByText('Paid by bank transfer or cheque ($250.00)').waitFor()
    const mail = await waitForMail(billing.email, /An offline payment was confirmed/)
    expect(mail.text).toContain('WIRE-E2E-0001')
  })
})
