import Stripe from 'stripe'

import { currencyDigits } from '../billing/invoices/currency-digits'
import type { MetricDefinition } from './metric-catalog'

/** "0.002" dollars → "0.2" cents: a major-unit decimal shifted by the currency's digits, exactly (as text). */
function toMinorDecimal(major: string, digits: number): string {
  const [whole, fraction = ''] = major.split('.')
  const padded = fraction.padEnd(digits, '0')
  const minorWhole = `${whole}${padded.slice(0, digits)}`.replace(/^0+(?=\d)/, '')
  const rest = padded.slice(digits).replace(/0+$/, '')
  return rest ? `${minorWhole}.${rest}` : minorWhole
}

/**
 * The Stripe Price that bills a catalog metric from its Billing Meter — the invoice side of the
 * rules estimateCharge applies: the included quantity is a free first tier, then the per-unit price
 * or the catalog's tiers (their `upTo` count past the included quantity, so Stripe's `up_to` adds
 * it), graduated, amounts as `unit_amount_decimal` in minor units. Monthly, metered, in arrears.
 */
export function stripePriceParams(metric: MetricDefinition, { meter, product }: { meter: string; product: string }): Stripe.PriceCreateParams {
  const digits = currencyDigits(metric.currency)
  const bands = metric.pricing.kind === 'per_unit' ? [{ upTo: null, unitPrice: metric.pricing.unitPrice }] : metric.pricing.tiers
  const base = { currency: metric.currency, product, nickname: metric.displayName, recurring: { interval: 'month' as const, usage_type: 'metered' as const, meter } }
  if (metric.included === 0 && bands.length === 1) return { ...base, billing_scheme: 'per_unit', unit_amount_decimal: Stripe.Decimal.from(toMinorDecimal(bands[0]!.unitPrice, digits)) }
  const tiers: Stripe.PriceCreateParams.Tier[] = [
    ...(metric.included > 0 ? [{ up_to: metric.included, unit_amount: 0 }] : []),
    ...bands.map((band) => ({ up_to: band.upTo === null ? ('inf' as const) : metric.included + band.upTo, unit_amount_decimal: Stripe.Decimal.from(toMinorDecimal(band.unitPrice, digits)) })),
  ]
  return { ...base, billing_scheme: 'tiered', tiers_mode: 'graduated', tiers }
}
