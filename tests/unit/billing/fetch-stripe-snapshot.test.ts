/** The snapshot the portal mirrors, read from the emulator (which refuses what Stripe refuses) with the real SDK. */
import type Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { StripeEmulator } from '../../../emulator/stripe'
import { fetchStripeSnapshot } from '../../../src/billing/customer-sync/fetch-stripe-snapshot'
import { startEmulatorWithClient } from '../../helpers/stripe-emulator'

let emulator: StripeEmulator
let stripe: Stripe

beforeAll(async () => {
  ;({ emulator, stripe } = await startEmulatorWithClient())
})
afterAll(async () => {
  await emulator?.stop()
})

async function subscribedCustomer(name: string) {
  const customer = await stripe.customers.create({ name })
  const customerCard = await stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id })
  await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: customerCard.id } })
  const price = await stripe.prices.create({ product_data: { name: 'Growth' }, currency: 'usd', unit_amount: 9900, recurring: { interval: 'month' } })
  return { customer, price }
}

describe('fetchStripeSnapshot', () => {
  it('reads the plan’s product name within Stripe’s four-level expansion limit', async () => {
    const { customer, price } = await subscribedCustomer('Plan Co')
    await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }] })
    const snapshot = await fetchStripeSnapshot(stripe, customer.id)
    expect(snapshot?.plan).toMatchObject({ productName: 'Growth', priceId: price.id, status: 'active', unitAmount: 9900 })
  })

  it('shows the card Stripe charges: the subscription’s default payment method before the customer’s', async () => {
    const { customer, price } = await subscribedCustomer('Two Cards Co')
    const subscriptionCard = await stripe.paymentMethods.attach('pm_card_mastercard', { customer: customer.id })
    const subscription = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }], default_payment_method: subscriptionCard.id })
    expect((await fetchStripeSnapshot(stripe, customer.id))?.paymentMethod).toMatchObject({ stripeId: subscriptionCard.id, brand: 'mastercard', last4: '4444' })

    await stripe.subscriptions.update(subscription.id, { default_payment_method: '' })
    expect((await fetchStripeSnapshot(stripe, customer.id))?.paymentMethod).toMatchObject({ brand: 'visa', last4: '4242' })
  })
})
