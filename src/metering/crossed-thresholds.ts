import { toMicro } from './decimal'
import { estimateCharge } from './estimate-charge'
import type { MetricDefinition } from './metric-catalog'
import type { UsageAlertSettings } from './usage-alerts-input'

export type CrossedThreshold = {
  /** The stored key: `percent:80:50000` (80% of a 50,000-minor-unit budget) or `quantity:12000`. */
  key: string
  kind: 'percent' | 'quantity'
  /** The percentage, or the quantity. */
  value: number
}

export const percentKey = (percent: number, budget: number) => `percent:${percent}:${budget}`
export const quantityKey = (quantity: number) => `quantity:${quantity}`

/**
 * The thresholds a period's quantity has reached: a percentage when the period's charge (by the
 * invoice's rules, in minor units) is at least that share of the budget; a quantity when the usage
 * is at least it. Compared exactly (integers of millionths and minor units), never in floats.
 */
export function crossedThresholds(settings: UsageAlertSettings, quantity: string, metric: MetricDefinition): CrossedThreshold[] {
  const crossed: CrossedThreshold[] = []
  const used = toMicro(quantity)
  for (const threshold of settings.quantityThresholds) {
    if (used >= toMicro(threshold)) crossed.push({ key: quantityKey(threshold), kind: 'quantity', value: threshold })
  }
  const budget = settings.monthlyBudget
  if (budget !== null && settings.percentThresholds.length > 0) {
    const charge = BigInt(estimateCharge(quantity, metric).amount)
    for (const percent of settings.percentThresholds) {
      if (charge * 100n >= BigInt(percent) * BigInt(budget)) crossed.push({ key: percentKey(percent, budget), kind: 'percent', value: percent })
    }
  }
  return crossed
}
