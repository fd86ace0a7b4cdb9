import type Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { StripeEmulator } from '../../../emulator/stripe'
import { startEmulatorWithClient } from '../../helpers/stripe-emulator'

let emulator: StripeEmulator
let stripe: Stripe

beforeAll(async () => {
  ;({ emulator, stripe } = await startEmulatorWithClient())
})

afterAll(async () => {
  await emulator.stop()
})

describe('emulator: an invoice carries the customer as it was when finalized (as Stripe)', () => {
  it('a rename before finalizing is on the invoice; one after it is not', async () => {
    const customer = await stripe.customers.create({ name: 'Before GmbH', email: 'ap@before.test', address: { line1: 'Old Street 1', city: 'Berlin', postal_code: '10115', country: 'DE' } })
    const draft = await stripe.invoices.create({ customer: customer.id, collection_method: 'send_invoice', days_until_due: 14 })
    await stripe.invoiceItems.create({ customer: customer.id, invoice: draft.id, amount: 1000, currency: 'usd' })
    await stripe.customers.update(customer.id, { name: 'Renamed GmbH', address: { line1: 'New Street 2', city: 'Berlin', postal_code: '10117', country: 'DE' } })
    const finalized = await stripe.invoices.finalizeInvoice(draft.id)
    expect(finalized).toMatchObject({ customer_name: 'Renamed GmbH', customer_address: { line1: 'New Street 2', postal_code: '10117' } })

    await stripe.customers.update(customer.id, { name: 'Later AG' })
    expect((await stripe.invoices.retrieve(draft.id)).customer_name).toBe('Renamed GmbH')
  })
})
