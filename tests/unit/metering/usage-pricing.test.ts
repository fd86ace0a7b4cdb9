import { describe, expect, it } from 'vitest'

import { withMessageLocale } from '../../../src/i18n/request-locale-context'
import { estimateCharge } from '../../../src/metering/estimate-charge'
import { metricDefinition, type MetricDefinition } from '../../../src/metering/metric-catalog'

/** Expectations worked out by hand from the catalog's prices, not from the code. */
describe('estimateCharge', () => {
  const apiCalls = metricDefinition('api_calls') // 10,000 included, then $0.002 a call
  const compute = metricDefinition('compute_minutes') // 1,000 included, then 10,000 at $0.01, 90,000 at $0.008, the rest $0.005

  it('prices per unit after the included quantity, with the explanation the issue asks for', () => {
    expect(estimateCharge(12_400, apiCalls)).toMatchObject({ amount: 480, currency: 'usd', explanation: '12,400 calls × $0.002 after 10,000 included = $4.80' })
  })

  it('explains in the request’s language, with its units and its way of writing numbers', async () => {
    const german = await withMessageLocale('de', async () => estimateCharge(12_400, apiCalls).explanation)
    expect(german.replace(/\u00a0/g, ' ')).toBe('12.400 Aufrufe × 0,002 $ nach 10.000 inklusive = 4,80 $')
  })

  it('charges nothing within the included quantity, and says so', () => {
    expect(estimateCharge(0, apiCalls)).toMatchObject({ amount: 0, lines: [] })
    const within = estimateCharge(10_000, apiCalls)
    expect(within.amount).toBe(0)
    expect(within.explanation).toBe('10,000 calls, within the 10,000 included = $0.00')
  })

  it('rounds half up to the cent, exactly (no floating point drift)', () => {
    // 2,401 × 0.002 = 4.802 → 480; 2,425 × 0.002 = 4.85 exactly; 0.25 × 0.002 = 0.0005 → 0 cents.
    expect(estimateCharge(12_401, apiCalls).amount).toBe(480)
    expect(estimateCharge(12_425, apiCalls).amount).toBe(485)
    expect(estimateCharge('10000.25', apiCalls).amount).toBe(0)
    // 2,402.5 × 0.002 = 4.805 → half up → 481 (a float product would be 4.8049999…).
    expect(estimateCharge('12402.5', apiCalls).amount).toBe(481)
  })

  it('walks graduated tiers over the quantity beyond the included', () => {
    // 1,000 free; 10,000 × 0.01 = 100.00; 90,000 × 0.008 = 720.00; 19,000 × 0.005 = 95.00 → 915.00
    const charge = estimateCharge(120_000, compute)
    expect(charge.lines).toEqual([
      { quantity: 10_000, unitPrice: '0.01', amount: 10_000 },
      { quantity: 90_000, unitPrice: '0.008', amount: 72_000 },
      { quantity: 19_000, unitPrice: '0.005', amount: 9_500 },
    ])
    expect(charge.amount).toBe(91_500)
    expect(charge.explanation).toBe('120,000 minutes: 1,000 included, then 10,000 × $0.01 + 90,000 × $0.008 + 19,000 × $0.005 = $915.00')
    // Inside the first tier: 1,500.5 − 1,000 = 500.5 × 0.01 = 5.005 → 501 cents.
    expect(estimateCharge('1500.5', compute)).toMatchObject({ amount: 501, lines: [{ quantity: 500.5, unitPrice: '0.01', amount: 501 }] })
    // Exactly at a tier's edge: 11,000 → the first tier full, nothing in the second.
    expect(estimateCharge(11_000, compute).lines).toHaveLength(1)
  })

  it('uses the currency’s own minor unit', () => {
    const yen: MetricDefinition = { ...apiCalls, currency: 'jpy', pricing: { kind: 'per_unit', unitPrice: '0.3' } }
    // 2,400 × ¥0.3 = ¥720, and JPY has no minor unit.
    expect(estimateCharge(12_400, yen)).toMatchObject({ amount: 720, explanation: '12,400 calls × ¥0.3 after 10,000 included = ¥720' })
  })

  it('refuses a quantity that is not a non-negative decimal', () => {
    expect(() => estimateCharge(-1, apiCalls)).toThrow(RangeError)
    expect(() => estimateCharge('1e5', apiCalls)).toThrow(RangeError)
  })
})
