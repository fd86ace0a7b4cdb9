/**
 * Every metric the portal meters and prices: the one place its name, unit, Stripe meter, included
 * quantity and price live, so the page, the CSV and the estimate read the same rules as the invoice.
 * Prices are decimal strings in the currency's major unit (exact; a float can't hold 0.002).
 * Graduated tiers apply to the quantity beyond `included`; `upTo` counts that billable quantity
 * cumulatively (Stripe's `up_to`, with a free first tier of `included`), null for the last tier.
 */
import { DEFAULT_UI_LOCALE, type Locale } from '../i18n/t'

export type PriceTier = { upTo: number | null; unitPrice: string }

export type MetricPricing = { kind: 'per_unit'; unitPrice: string } | { kind: 'graduated'; tiers: readonly PriceTier[] }

export type MetricDefinition = {
  id: string
  displayName: string
  /** Plural, lower case, as it reads after a number: "12,400 calls". */
  unit: string
  /** The Stripe Billing Meter's `event_name` this metric is reported to. */
  stripeMeter: string
  included: number
  pricing: MetricPricing
  currency: string
  /** A dimension worth breaking the metric down by on the page. */
  breakdownDimension: string
  /** The name and unit in the portal's other languages (English is above). */
  translations: Partial<Record<Locale, { displayName: string; unit: string }>>
}

export const METRIC_CATALOG = [
  {
    id: 'api_calls',
    displayName: 'API calls',
    unit: 'calls',
    stripeMeter: 'api_calls',
    included: 10_000,
    pricing: { kind: 'per_unit', unitPrice: '0.002' },
    currency: 'usd',
    breakdownDimension: 'endpoint',
    translations: { de: { displayName: 'API-Aufrufe', unit: 'Aufrufe' } },
  },
  {
    id: 'compute_minutes',
    displayName: 'Compute minutes',
    unit: 'minutes',
    stripeMeter: 'compute_minutes',
    included: 1_000,
    pricing: {
      kind: 'graduated',
      tiers: [
        { upTo: 10_000, unitPrice: '0.01' },
        { upTo: 100_000, unitPrice: '0.008' },
        { upTo: null, unitPrice: '0.005' },
      ],
    },
    currency: 'usd',
    breakdownDimension: 'project',
    translations: { de: { displayName: 'Rechenminuten', unit: 'Minuten' } },
  },
] as const satisfies readonly MetricDefinition[]

export type MetricId = (typeof METRIC_CATALOG)[number]['id']

export const METRIC_IDS = METRIC_CATALOG.map((metric) => metric.id) as [MetricId, ...MetricId[]]

export const DEFAULT_METRIC: MetricId = 'api_calls'

export const isMetricId = (value: unknown): value is MetricId => METRIC_IDS.includes(value as MetricId)

export function metricDefinition(id: MetricId): MetricDefinition {
  return METRIC_CATALOG.find((metric) => metric.id === id)!
}

/** The metric's name and unit as a reader of `locale` sees them (English where no translation is given). */
export function metricWords(metric: MetricDefinition, locale: Locale = DEFAULT_UI_LOCALE): { displayName: string; unit: string } {
  return metric.translations[locale] ?? { displayName: metric.displayName, unit: metric.unit }
}
