import { currencyDigits } from '../billing/invoices/currency-digits'
import { formatNumber } from '../i18n/formatters'
import { messageLocale, t } from '../i18n/t'
import { divideRounded, MICRO, toMicro } from './decimal'
import { type MetricDefinition, metricWords } from './metric-catalog'

export type ChargeLine = { quantity: number; unitPrice: string; amount: number }

export type ChargeEstimate = {
  /** Minor units of `currency` (cents), as Stripe writes invoice amounts. */
  amount: number
  currency: string
  /** Each priced band (a tier, or the one per-unit band), rounded to the minor unit as its own invoice line. */
  lines: ChargeLine[]
  explanation: string
}

// Written the way the explanation's language writes numbers (12,400 in English is 12.400 in German).
const number = (value: number) => formatNumber(value, { locale: messageLocale() }, { maximumFractionDigits: 6 })
const money = (major: string | number, currency: string, exact = false) =>
  formatNumber(Number(major), { locale: messageLocale() }, { style: 'currency', currency: currency.toUpperCase(), ...(exact ? { maximumFractionDigits: 6 } : {}) })

/**
 * What the quantity costs under the metric's price, by the invoice's rules: the included quantity is
 * free, the rest is priced per unit or through graduated tiers; each band's amount is rounded half
 * up to the minor unit; all arithmetic is exact (millionths as bigint), never floating point.
 */
export function estimateCharge(quantity: string | number, metric: MetricDefinition): ChargeEstimate {
  const total = toMicro(quantity)
  const included = toMicro(metric.included)
  const billable = total > included ? total - included : 0n
  const minorPerMajor = 10n ** BigInt(currencyDigits(metric.currency))
  const bands = metric.pricing.kind === 'per_unit' ? [{ upTo: null, unitPrice: metric.pricing.unitPrice }] : metric.pricing.tiers
  const lines: ChargeLine[] = []
  let start = 0n
  for (const band of bands) {
    const end = band.upTo === null ? billable : minBig(billable, toMicro(band.upTo))
    if (end <= start) break
    const bandQuantity = end - start
    // millionths × millionths of a major unit → minor units.
    const amount = divideRounded(bandQuantity * toMicro(band.unitPrice) * minorPerMajor, MICRO * MICRO)
    lines.push({ quantity: Number(bandQuantity) / Number(MICRO), unitPrice: band.unitPrice, amount: Number(amount) })
    start = end
  }
  const amount = lines.reduce((sum, line) => sum + line.amount, 0)
  const totalText = money(Number(amount) / Number(minorPerMajor), metric.currency)
  const vars = { quantity: number(Number(total) / Number(MICRO)), unit: metricWords(metric, messageLocale()).unit, included: number(metric.included), total: totalText }
  let explanation: string
  if (lines.length === 0) explanation = t('usage.charge.withinIncluded', vars)
  else if (metric.pricing.kind === 'per_unit') explanation = t('usage.charge.perUnit', { ...vars, price: money(metric.pricing.unitPrice, metric.currency, true) })
  else {
    const parts = lines.map((line) => `${number(line.quantity)} × ${money(line.unitPrice, metric.currency, true)}`).join(' + ')
    explanation = t('usage.charge.tiered', { ...vars, tiers: parts })
  }
  return { amount, currency: metric.currency, lines, explanation }
}

const minBig = (a: bigint, b: bigint) => (a < b ? a : b)
