import { z } from 'zod'

import { currencyDigits } from '../billing/invoices/currency-digits'
import { majorToMinorUnits } from '../billing/minor-units'
import { lazyMessage, t } from '../i18n/t'
import { toMicro } from './decimal'
import { isMetricId, metricDefinition, type MetricId } from './metric-catalog'

export const MAX_THRESHOLDS = 10
const MAX_BUDGET = 1e10
const MAX_QUANTITY = 1e12

const unique = (values: readonly number[]) => new Set(values).size === values.length

/**
 * `PUT /api/account/usage/alerts`: one metric's budget alerts. The monthly budget is a decimal in
 * the metric's currency ("500" or "499.99"; null for none); percentages of it (e.g. 50, 80, 100)
 * need it; quantity thresholds stand alone. Each list is whole, replacing the saved one.
 */
export const UsageAlertsInput = z
  .strictObject({
    metric: z.string().refine(isMetricId, lazyMessage('usage.alerts.error.metric')),
    monthlyBudget: z.string().trim().nullable().transform((value) => (value === '' ? null : value)),
    percentThresholds: z
      .array(z.number(lazyMessage('usage.alerts.error.percent')).int(lazyMessage('usage.alerts.error.percent')).min(1, lazyMessage('usage.alerts.error.percent')).max(1000, lazyMessage('usage.alerts.error.percent')))
      .max(MAX_THRESHOLDS, lazyMessage('usage.alerts.error.tooMany', { max: MAX_THRESHOLDS }))
      .refine(unique, lazyMessage('usage.alerts.error.duplicate')),
    quantityThresholds: z
      .array(z.number(lazyMessage('usage.alerts.error.quantity')).positive(lazyMessage('usage.alerts.error.quantity')).max(MAX_QUANTITY, lazyMessage('usage.alerts.error.quantity')).refine(isExactDecimal, lazyMessage('usage.alerts.error.quantity')))
      .max(MAX_THRESHOLDS, lazyMessage('usage.alerts.error.tooMany', { max: MAX_THRESHOLDS }))
      .refine(unique, lazyMessage('usage.alerts.error.duplicate')),
  })
  .superRefine((input, context) => {
    if (!isMetricId(input.metric)) return
    const digits = currencyDigits(metricDefinition(input.metric).currency)
    if (input.monthlyBudget !== null) {
      const pattern = new RegExp(`^\\d{1,10}(\\.\\d{1,${digits}})?$`)
      if (!pattern.test(input.monthlyBudget) || Number(input.monthlyBudget) <= 0 || Number(input.monthlyBudget) > MAX_BUDGET) {
        context.addIssue({ code: 'custom', path: ['monthlyBudget'], message: t('usage.alerts.error.budget', { digits }) })
      }
    } else if (input.percentThresholds.length > 0) {
      context.addIssue({ code: 'custom', path: ['monthlyBudget'], message: t('usage.alerts.error.budgetNeeded') })
    }
  })
  .transform((input) => ({
    ...input,
    metric: input.metric as MetricId,
    // The refinement above admits only the currency's decimals, so the conversion always has a value.
    monthlyBudget: input.monthlyBudget === null ? null : majorToMinorUnits(input.monthlyBudget, currencyDigits(metricDefinition(input.metric as MetricId).currency))!,
  }))

export type UsageAlertsInput = z.output<typeof UsageAlertsInput>

/** What is saved for one organization and metric; the budget in minor units of the metric's currency. */
export type UsageAlertSettings = { metric: MetricId; monthlyBudget: number | null; percentThresholds: number[]; quantityThresholds: number[] }

/** At most 6 decimal places, as the metering tables store quantities. */
function isExactDecimal(value: number): boolean {
  try {
    toMicro(String(value))
    return true
  } catch {
    return false
  }
}
