import { messageLocale } from '../i18n/t'
import { estimateCharge } from './estimate-charge'
import { FORECAST_WINDOW_DAYS, forecastNextMonth, type Forecast } from './forecast-next-month'
import type { MeteringSource, SeriesPoint } from './metering-source'
import { metricDefinition, type MetricId } from './metric-catalog'
import { localDate, zonedMidnight } from './zoned-time'

const DAY_MS = 86_400_000

export type UsageOverview = {
  metric: MetricId
  timeZone: string
  last30: SeriesPoint[]
  last12Months: SeriesPoint[]
  /** The billing period asked for (the current one by default); `closed` once it has ended and been invoiced. */
  period: { start: string; end: string; closed: boolean; quantity: number; included: number; estimatedCharge: number; currency: string; explanation: string }
  forecastNextMonth: Forecast
  breakdown: { dimension: string; rows: { value: string | null; quantity: number }[] }
  asOf: string
}

/** The billing period holding `now`: the calendar month in UTC, as the subscription invoices it. */
export function billingPeriod(now: Date): { start: Date; end: Date } {
  return { start: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)), end: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)) }
}

/** The billing periods the page offers: the current one and the 12 before it, newest first, as "YYYY-MM". */
export function pickablePeriods(now: Date): string[] {
  return Array.from({ length: 13 }, (_, back) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 7))
}

const utcDays = (from: Date, to: Date) => {
  const days: string[] = []
  for (let at = from.getTime(); at < to.getTime(); at += DAY_MS) days.push(new Date(at).toISOString().slice(0, 10))
  return days
}

/**
 * Everything /account/usage shows for one metric, read through the source: the last 30 days and 12
 * months as the zone's calendar days and months (today and this month so far included), the current
 * billing period's quantity and its estimated charge by the invoice's rules (minor units), next
 * period's forecast from the last 28 complete UTC days, the period's breakdown by the metric's
 * dimension. `asOf` is the read time: rollups are written with the events, so nothing lags.
 * `period` ("YYYY-MM", one of pickablePeriods) picks a past billing period for the period figures and
 * the breakdown: its quantity and charge are what that period's invoice charged, by the same rules.
 * A source that keeps answers (the postgres one, at the usage version) keeps the whole overview too.
 */
export async function usageOverview(source: MeteringSource, query: OverviewQuery): Promise<UsageOverview> {
  const { organizationId, metric, timeZone, now, period } = query
  const today = localDate(now, timeZone)
  // Beyond the reads, the overview depends on the zone's date and the UTC date (the ranges, the
  // period, the forecast's window) and on the language of its explanation and method; asOf is now.
  const key = `overview:${metric}:${timeZone}:${period ?? ''}:${today.year}-${today.month}-${today.day}:${now.toISOString().slice(0, 10)}:${messageLocale()}`
  const computed = source.keep ? await source.keep(organizationId, key, () => readOverview(source, query)) : await readOverview(source, query)
  return { ...computed, asOf: now.toISOString() }
}

type OverviewQuery = { organizationId: number; metric: MetricId; timeZone: string; now: Date; period?: string }

async function readOverview(source: MeteringSource, { organizationId, metric, timeZone, now, period: picked }: OverviewQuery): Promise<UsageOverview> {
  const definition = metricDefinition(metric)
  const today = localDate(now, timeZone)
  const period = billingPeriod(picked ? new Date(`${picked}-01T00:00:00Z`) : now)
  const todayUtc = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
  const nextPeriod = billingPeriod(billingPeriod(now).end)
  const range = { organizationId, metric }
  const [last30, last12Months, quantity, history, breakdown] = await Promise.all([
    source.series({ ...range, timeZone, granularity: 'day', from: zonedMidnight({ ...today, day: today.day - 29 }, timeZone), to: zonedMidnight({ ...today, day: today.day + 1 }, timeZone) }),
    source.series({ ...range, timeZone, granularity: 'month', from: zonedMidnight({ ...today, month: today.month - 11, day: 1 }, timeZone), to: zonedMidnight({ ...today, month: today.month + 1, day: 1 }, timeZone) }),
    source.total({ ...range, from: period.start, to: period.end }),
    source.series({ ...range, timeZone: 'UTC', granularity: 'day', from: new Date(todayUtc.getTime() - FORECAST_WINDOW_DAYS * DAY_MS), to: todayUtc }),
    source.breakdown({ ...range, from: period.start, to: period.end, dimension: definition.breakdownDimension, limit: 10 }),
  ])
  const charge = estimateCharge(quantity, definition)
  return {
    metric,
    timeZone,
    last30,
    last12Months,
    period: { start: period.start.toISOString(), end: period.end.toISOString(), closed: period.end.getTime() <= now.getTime(), quantity, included: definition.included, estimatedCharge: charge.amount, currency: charge.currency, explanation: charge.explanation },
    forecastNextMonth: forecastNextMonth(history.map((point) => ({ date: point.label, quantity: point.quantity })), utcDays(nextPeriod.start, nextPeriod.end)),
    breakdown: { dimension: definition.breakdownDimension, rows: breakdown },
    asOf: now.toISOString(),
  }
}
