import { describe, expect, it } from 'vitest'

import { crossedThresholds } from '../../../src/metering/crossed-thresholds'
import { metricDefinition } from '../../../src/metering/metric-catalog'
import { stripePriceParams } from '../../../src/metering/stripe-price-params'
import { UsageAlertsInput } from '../../../src/metering/usage-alerts-input'

const apiCalls = metricDefinition('api_calls')
const settings = (over: Partial<Parameters<typeof crossedThresholds>[0]> = {}) => ({ metric: 'api_calls' as const, monthlyBudget: 1_000, percentThresholds: [50, 100], quantityThresholds: [14_000], ...over })

describe('crossedThresholds', () => {
  it('reaches a percentage when the charge by the invoice rules is that share of the budget, exactly at the boundary', () => {
    // $10 budget; 10,000 included, then $0.002: $5.00 (50%) at 12,500 calls.
    // 12,497 calls: 499.4¢ → $4.99 on the invoice; 12,497.5: 499.5¢ rounds half up to $5.00, so 50% is reached.
    expect(crossedThresholds(settings(), '12497', apiCalls).map((t) => t.key)).toEqual([])
    expect(crossedThresholds(settings(), '12497.5', apiCalls).map((t) => t.key)).toEqual(['percent:50:1000'])
    expect(crossedThresholds(settings(), '14000', apiCalls).map((t) => t.key)).toEqual(['quantity:14000', 'percent:50:1000'])
    expect(crossedThresholds(settings(), '15000', apiCalls).map((t) => t.key)).toEqual(['quantity:14000', 'percent:50:1000', 'percent:100:1000'])
  })

  it('has no percentages without a budget', () => {
    expect(crossedThresholds(settings({ monthlyBudget: null }), '1000000', apiCalls).map((t) => t.key)).toEqual(['quantity:14000'])
  })
})

describe('UsageAlertsInput', () => {
  const parse = (input: Record<string, unknown>) => UsageAlertsInput.safeParse({ metric: 'api_calls', monthlyBudget: null, percentThresholds: [], quantityThresholds: [], ...input })
  const fields = (input: Record<string, unknown>) => {
    const result = parse(input)
    return result.success ? [] : [...new Set(result.error.issues.map((issue) => issue.path.join('.')))].sort()
  }

  it('takes the budget as a decimal in the currency and stores minor units', () => {
    expect(parse({ monthlyBudget: '499.9', percentThresholds: [80] }).data).toMatchObject({ monthlyBudget: 49_990, percentThresholds: [80] })
    expect(parse({ monthlyBudget: '' }).data?.monthlyBudget).toBeNull()
  })

  it('names every bad field', () => {
    expect(fields({ monthlyBudget: '1.001' })).toEqual(['monthlyBudget'])
    expect(fields({ monthlyBudget: '0' })).toEqual(['monthlyBudget'])
    expect(fields({ percentThresholds: [80] })).toEqual(['monthlyBudget'])
    expect(fields({ monthlyBudget: '5', percentThresholds: [0, 50.5, 50] })).toEqual(['percentThresholds.0', 'percentThresholds.1'])
    expect(fields({ monthlyBudget: '5', percentThresholds: [50, 50] })).toEqual(['percentThresholds'])
    expect(fields({ quantityThresholds: [-1, 0.0000001, null] })).toEqual(['quantityThresholds.0', 'quantityThresholds.1', 'quantityThresholds.2'])
    expect(fields({ quantityThresholds: Array.from({ length: 11 }, (_, i) => i + 1) })).toEqual(['quantityThresholds'])
    expect(fields({ metric: 'gpu' })).toEqual(['metric'])
    expect(fields({ extra: 1 })).toEqual([''])
  })
})

describe('stripePriceParams', () => {
  it('prices the included quantity as a free first tier and the rest in minor-unit decimals', () => {
    const price = stripePriceParams(apiCalls, { meter: 'mtr_1', product: 'prod_1' })
    expect(price).toMatchObject({ billing_scheme: 'tiered', tiers_mode: 'graduated', recurring: { interval: 'month', usage_type: 'metered', meter: 'mtr_1' } })
    expect(price.tiers!.map((tier) => [tier.up_to, tier.unit_amount ?? String(tier.unit_amount_decimal)])).toEqual([[10_000, 0], ['inf', '0.2']])
    const compute = stripePriceParams(metricDefinition('compute_minutes'), { meter: 'mtr_2', product: 'prod_2' })
    expect(compute.tiers!.map((tier) => [tier.up_to, tier.unit_amount ?? String(tier.unit_amount_decimal)])).toEqual([[1_000, 0], [11_000, '1'], [101_000, '0.8'], ['inf', '0.5']])
  })
})
