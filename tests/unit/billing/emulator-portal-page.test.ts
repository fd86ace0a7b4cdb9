/** The emulator's stand-in for Stripe's hosted portal: change the card, switch plan, return. */
import type Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { StripeEmulator } from '../../../emulator/stripe'
import { portalConfiguration } from '../../../src/billing/portal-configuration'
import { syncPortalConfiguration } from '../../../src/billing/portal-configuration-sync'
import { seedStripeDemo, type SeededCustomer } from '../../../scripts/demo/seed-stripe-demo'
import { startEmulatorWithClient } from '../../helpers/stripe-emulator'

const returnUrl = 'http://localhost:3000/account/billing'
let emulator: StripeEmulator
let stripe: Stripe
let seeded: SeededCustomer
let configurationId: string

beforeAll(async () => {
  ;({ emulator, stripe } = await startEmulatorWithClient())
  ;[seeded] = (await seedStripeDemo(stripe, { customers: [{ name: 'Demo Co', email: 'billing@demo.test', metadata: { organizationId: '1' } }], months: 2 })) as [SeededCustomer]
  configurationId = (await syncPortalConfiguration(stripe, portalConfiguration(), { dryRun: false })).id ?? ''
})
afterAll(async () => {
  await emulator?.stop()
})

const submit = (url: string, fields: Record<string, string>) =>
  fetch(url, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() })

describe('portal session page', () => {
  it('is a labelled, bannered test-mode form', async () => {
    const session = await stripe.billingPortal.sessions.create({ customer: seeded.customerId, configuration: configurationId, return_url: returnUrl })
    expect(session.url).toBe(`${emulator.url}/p/session/${session.id}`)
    const html = await (await fetch(session.url)).text()
    expect(html).toContain('Local Stripe emulator — test mode')
    expect(html).toContain('<label for="card-number">Card number</label>')
    expect(html).toContain('id="card-number" name="card_number"')
    expect(html).toContain('visa ending in 4242')
    expect(html).toContain('<label for="plan-price">Choose a plan</label>')
    expect(html).toContain('Invoice history')
  })

  it('shows a visible error for a declined card and changes nothing', async () => {
    const session = await stripe.billingPortal.sessions.create({ customer: seeded.customerId, configuration: configurationId, return_url: returnUrl })
    const response = await submit(session.url, { action: 'update_card', card_number: '4000 0000 0000 0002', exp: '12/34', cvc: '123' })
    expect(response.status).toBe(402)
    expect(await response.text()).toMatch(/role="alert"[^>]*>Your card was declined\./)
    const customer = (await stripe.customers.retrieve(seeded.customerId, { expand: ['invoice_settings.default_payment_method'] })) as Stripe.Customer
    expect((customer.invoice_settings.default_payment_method as Stripe.PaymentMethod).card?.last4).toBe('4242')
  })

  it('saves a new card as the default and returns to return_url with 303', async () => {
    const session = await stripe.billingPortal.sessions.create({
      customer: seeded.customerId,
      configuration: configurationId,
      return_url: returnUrl,
      flow_data: { type: 'payment_method_update' },
    })
    const page = await (await fetch(session.url)).text()
    expect(page).toContain('card-number')
    expect(page).not.toContain('plan-price')
    const eventsBefore = emulator.events().length
    const response = await submit(session.url, { action: 'update_card', card_number: '5555555555554444', exp: '11/33', cvc: '123' })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe(returnUrl)
    const customer = (await stripe.customers.retrieve(seeded.customerId, { expand: ['invoice_settings.default_payment_method'] })) as Stripe.Customer
    const card = (customer.invoice_settings.default_payment_method as Stripe.PaymentMethod).card
    expect([card?.brand, card?.last4, card?.exp_month, card?.exp_year]).toEqual(['mastercard', '4444', 11, 2033])
    expect(emulator.events().slice(eventsBefore).map((event) => event.type)).toEqual(['payment_method.attached', 'customer.updated'])
  })

  it('switches plan among the configuration’s prices in a subscription_update flow', async () => {
    const scale = (await stripe.prices.list({ lookup_keys: ['portico_scale_monthly'] })).data[0]
    const session = await stripe.billingPortal.sessions.create({
      customer: seeded.customerId,
      configuration: configurationId,
      return_url: returnUrl,
      flow_data: {
        type: 'subscription_update',
        subscription_update: { subscription: seeded.subscriptionId ?? '' },
        after_completion: { type: 'redirect', redirect: { return_url: `${returnUrl}?plan=changed` } },
      },
    })
    const page = await (await fetch(session.url)).text()
    expect(page).not.toContain('card-number')
    expect(page).toContain('Scale — $299.00 / month')
    const refused = await submit(session.url, { action: 'switch_plan', subscription: seeded.subscriptionId ?? '', price: 'price_not_offered' })
    expect(refused.status).toBe(400)

    const response = await submit(session.url, { action: 'switch_plan', subscription: seeded.subscriptionId ?? '', price: scale?.id ?? '' })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe(`${returnUrl}?plan=changed`)
    const subscription = await stripe.subscriptions.retrieve(seeded.subscriptionId ?? '')
    expect(subscription.items.data[0]?.price.id).toBe(scale?.id)
    const updated = emulator.events('customer.subscription.updated').at(-1)
    expect(updated?.data.object.items.data[0].price.id).toBe(scale?.id)
    expect(updated?.data.previous_attributes).toHaveProperty('items')
  })

  it('refuses flows for features the configuration disables', async () => {
    const noCancel = await stripe.billingPortal.configurations.create({ features: { invoice_history: { enabled: true } } })
    await expect(
      stripe.billingPortal.sessions.create({
        customer: seeded.customerId,
        configuration: noCancel.id,
        flow_data: { type: 'subscription_cancel', subscription_cancel: { subscription: seeded.subscriptionId ?? '' } },
        return_url: returnUrl,
      }),
    ).rejects.toMatchObject({ statusCode: 400, param: 'flow_data[type]' })
  })
})
