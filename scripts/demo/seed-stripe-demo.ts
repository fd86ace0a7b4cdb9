import type Stripe from 'stripe'

/** The demo's plans, found again by price lookup key (the same keys the portal configuration names). */
export const demoPlans = [
  { key: 'starter', lookupKey: 'portico_starter_monthly', name: 'Starter', unitAmount: 2900 },
  { key: 'growth', lookupKey: 'portico_growth_monthly', name: 'Growth', unitAmount: 9900 },
  { key: 'scale', lookupKey: 'portico_scale_monthly', name: 'Scale', unitAmount: 29900 },
] as const
export type DemoPlanKey = (typeof demoPlans)[number]['key']

export type DemoCustomer = {
  name: string
  email: string
  metadata: { organizationId: string }
  plan?: DemoPlanKey
  address?: Stripe.AddressParam
  vatId?: string
}

export type SeededCustomer = { organizationId: string; customerId: string; subscriptionId: string | null; created: boolean }

/**
 * Demo billing history, through the SDK so it works against the emulator and Stripe test mode
 * alike: the three plans, and per organization a customer (on a test clock started `months` ago),
 * a Visa on file, a subscription renewed month by month up to today — so `months` paid invoices —
 * and one open one-off invoice. Idempotent: a customer already carrying the organization id is
 * left as it is. `now` is the clock the history ends at (tests fix it).
 */
export async function seedStripeDemo(stripe: Stripe, options: { customers: DemoCustomer[]; months?: number; now?: Date }): Promise<SeededCustomer[]> {
  const months = options.months ?? 12
  const now = options.now ?? new Date()
  const prices = await ensureDemoPlans(stripe)
  const seeded: SeededCustomer[] = []
  for (const demo of options.customers) {
    const existing = await findCustomerByOrganization(stripe, demo.metadata.organizationId)
    if (existing) {
      const subscription = (await stripe.subscriptions.list({ customer: existing.id, limit: 1 })).data[0]
      seeded.push({ organizationId: demo.metadata.organizationId, customerId: existing.id, subscriptionId: subscription?.id ?? null, created: false })
      continue
    }
    seeded.push(await seedCustomer(stripe, demo, prices[demo.plan ?? 'growth'], months, now))
  }
  return seeded
}

export async function findCustomerByOrganization(stripe: Stripe, organizationId: string): Promise<Stripe.Customer | null> {
  const result = await stripe.customers.search({ query: `metadata['organizationId']:'${organizationId.replace(/'/g, "\\'")}'`, limit: 1 })
  return result.data[0] ?? null
}

async function ensureDemoPlans(stripe: Stripe): Promise<Record<DemoPlanKey, Stripe.Price>> {
  const existing = await stripe.prices.list({ lookup_keys: demoPlans.map((plan) => plan.lookupKey), limit: 100 })
  const byKey = {} as Record<DemoPlanKey, Stripe.Price>
  for (const plan of demoPlans) {
    const found = existing.data.find((price) => price.lookup_key === plan.lookupKey)
    byKey[plan.key] =
      found ??
      (await stripe.prices.create({
        currency: 'usd',
        unit_amount: plan.unitAmount,
        recurring: { interval: 'month' },
        lookup_key: plan.lookupKey,
        nickname: `${plan.name} monthly`,
        product_data: { name: plan.name, metadata: { portico_plan: plan.key } },
      }))
  }
  return byKey
}

async function seedCustomer(stripe: Stripe, demo: DemoCustomer, price: Stripe.Price, months: number, now: Date): Promise<SeededCustomer> {
  // Midnight UTC on the 1st: every renewal, this month's included, is at or before `now` whatever
  // the hour, so the history always holds `months` paid invoices.
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months + 1, 1))
  const clock = await stripe.testHelpers.testClocks.create({ frozen_time: Math.floor(start.getTime() / 1000), name: `Portico demo: ${demo.name}` })
  const customer = await stripe.customers.create({
    name: demo.name,
    email: demo.email,
    metadata: demo.metadata,
    address: demo.address ?? { line1: '1 Demo Street', city: 'Berlin', postal_code: '10115', country: 'DE' },
    tax_id_data: demo.vatId ? [{ type: 'eu_vat', value: demo.vatId }] : undefined,
    test_clock: clock.id,
  })
  const card = await stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id })
  await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: card.id } })
  const subscription = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }], metadata: demo.metadata })
  await stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: Math.floor(now.getTime() / 1000) })
  await waitUntilReady(stripe, clock.id)

  const workshop = await stripe.invoices.create({ customer: customer.id, collection_method: 'send_invoice', days_until_due: 30, description: 'Onboarding workshop (pay by bank transfer)' })
  await stripe.invoiceItems.create({ customer: customer.id, invoice: workshop.id, amount: 45_000, currency: 'usd', description: 'Onboarding workshop, half day' })
  await stripe.invoices.finalizeInvoice(workshop.id)
  return { organizationId: demo.metadata.organizationId, customerId: customer.id, subscriptionId: subscription.id, created: true }
}

/** Stripe advances test clocks in the background; the emulator is ready at once. */
async function waitUntilReady(stripe: Stripe, clockId: string): Promise<void> {
  for (let attempt = 0; attempt < 60; attempt++) {
    const clock = await stripe.testHelpers.testClocks.retrieve(clockId)
    if (clock.status === 'ready') return
    if (clock.status === 'internal_failure') throw new Error(`Test clock ${clockId} failed to advance`)
    await new Promise((resolve) => setTimeout(resolve, 2000))
  }
  throw new Error(`Test clock ${clockId} still advancing after 2 minutes`)
}
