import type Stripe from 'stripe'
import { describe, expect, it } from 'vitest'

import { STRIPE_API_VERSION } from '../../../src/billing/stripe'
import { eventCustomerId } from '../../../src/billing/webhooks/event-customer'
import { ignoreReason } from '../../../src/billing/webhooks/ignore-reason'
import { webhookSecret } from '../../../src/billing/webhooks/webhook-secret'

const event = (type: string, object: Record<string, unknown>, previous?: Record<string, unknown>) =>
  ({ type, api_version: STRIPE_API_VERSION, data: { object, ...(previous ? { previous_attributes: previous } : {}) } }) as unknown as Stripe.Event

describe('eventCustomerId', () => {
  it('finds the customer of customer, child and detached objects', () => {
    expect(eventCustomerId(event('customer.updated', { object: 'customer', id: 'cus_1' }))).toBe('cus_1')
    expect(eventCustomerId(event('invoice.paid', { object: 'invoice', id: 'in_1', customer: 'cus_2' }))).toBe('cus_2')
    expect(eventCustomerId(event('invoice.paid', { object: 'invoice', id: 'in_1', customer: { id: 'cus_3' } }))).toBe('cus_3')
    expect(eventCustomerId(event('payment_method.detached', { object: 'payment_method', id: 'pm_1', customer: null }, { customer: 'cus_4' }))).toBe('cus_4')
    expect(eventCustomerId(event('product.created', { object: 'product', id: 'prod_1' }))).toBeNull()
  })
})

describe('ignoreReason', () => {
  it('processes allow-listed types, whatever the event’s API version', () => {
    expect(ignoreReason({ type: 'customer.updated' })).toBeNull()
    expect(ignoreReason({ type: 'invoice.created' })).toMatch(/does not act/)
  })
})

describe('webhookSecret', () => {
  it('uses the configured secret and refuses to run without one, emulator or not: no built-in fallback', () => {
    expect(webhookSecret({ STRIPE_WEBHOOK_SECRET: 'whsec_x' })).toBe('whsec_x')
    expect(() => webhookSecret({})).toThrow(/STRIPE_WEBHOOK_SECRET is not set/)
    expect(() => webhookSecret({ STRIPE_WEBHOOK_SECRET: '  ' })).toThrow(/STRIPE_WEBHOOK_SECRET is not set/)
    expect(() => webhookSecret({ STRIPE_SECRET_KEY: 'sk_test_real' })).toThrow(/STRIPE_WEBHOOK_SECRET is not set/)
  })
})
