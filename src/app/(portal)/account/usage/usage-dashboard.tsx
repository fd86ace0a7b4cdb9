'use client'

import { useQuery } from '@tanstack/react-query'
import { usePathname, useRouter } from 'next/navigation'
import { useState } from 'react'

import { currencyDigits } from '@/billing/invoices/currency-digits'
import { useT } from '@/components/locale-provider'
import { portalFetch } from '@/lib/api/portal-fetch'
import type { UsageOverview } from '@/metering/usage-overview'

import { UsageAlertsForm } from './usage-alerts-form'
import { UsageChart } from './usage-chart'

export type MetricOption = { id: string; displayName: string; unit: string; currency: string }

async function fetchUsage(metric: string, timeZone: string, period: string, fallback: string): Promise<UsageOverview> {
  const result = await portalFetch<UsageOverview>(`/api/account/usage?${new URLSearchParams({ metric, tz: timeZone, period })}`, { method: 'GET', fallback })
  if (!result.ok) throw new Error(result.message)
  return result.data
}

/**
 * The usage screen's live part: the metric picker, then — from GET /api/account/usage through
 * TanStack Query — the period so far and its charge, the forecast, 30 days and 12 months, the
 * breakdown, the CSV export and the budget alerts. Dates are the member's time zone's. The metric and
 * the billing period (the current one, or a past invoice's) are in the URL (`?metric=&period=YYYY-MM`),
 * so a picked period can be linked to and survives a reload.
 */
export function UsageDashboard({ metrics, timeZone, locale, periods, initialMetric, initialPeriod, canEditAlerts }: { metrics: MetricOption[]; timeZone: string; locale: string; periods: string[]; initialMetric: string; initialPeriod: string; canEditAlerts: boolean }) {
  const t = useT()
  const router = useRouter()
  const pathname = usePathname()
  const [metricId, setMetricId] = useState(initialMetric)
  const [period, setPeriod] = useState(initialPeriod)
  const metric = metrics.find((option) => option.id === metricId)!
  const query = useQuery({ queryKey: ['usage', metricId, timeZone, period], queryFn: () => fetchUsage(metricId, timeZone, period, t('usage.error')) })
  const choose = (next: { metric?: string; period?: string }) => {
    const chosen = { metric: next.metric ?? metricId, period: next.period ?? period }
    setMetricId(chosen.metric)
    setPeriod(chosen.period)
    router.replace(`${pathname}?${new URLSearchParams(chosen)}`, { scroll: false })
  }
  const monthName = (month: string) => new Date(`${month}-15T12:00:00Z`).toLocaleDateString(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' })
  const quantity = (value: number) => value.toLocaleString(locale, { maximumFractionDigits: 2 })
  // A forecast is no more precise than a whole unit.
  const estimate = (value: number) => value.toLocaleString(locale, { maximumFractionDigits: 0 })
  const money = (minor: number, currency: string) => new Intl.NumberFormat(locale, { style: 'currency', currency: currency.toUpperCase() }).format(minor / 10 ** currencyDigits(currency))
  const utcDate = (iso: string) => new Date(iso).toLocaleDateString(locale, { dateStyle: 'medium', timeZone: 'UTC' })
  const dayLabel = (label: string) => new Date(`${label}T12:00:00Z`).toLocaleDateString(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' })
  const monthLabel = (label: string) => new Date(`${label}-15T12:00:00Z`).toLocaleDateString(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' })
  const data = query.data

  return (
    <div className="stack">
      <div className="row usage-toolbar">
        <div className="field">
          <label htmlFor="usage-metric">{t('usage.metric')}</label>
          <select id="usage-metric" value={metricId} onChange={(event) => choose({ metric: event.target.value })}>
            {metrics.map((option) => (
              <option key={option.id} value={option.id}>{option.displayName}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="usage-period-picker">{t('usage.picker.period')}</label>
          <select id="usage-period-picker" value={period} onChange={(event) => choose({ period: event.target.value })}>
            {periods.map((month, index) => (
              <option key={month} value={month}>{index === 0 ? t('usage.picker.current', { month: monthName(month) }) : monthName(month)}</option>
            ))}
          </select>
        </div>
        {data ? <p className="muted" role="status">{t('usage.asOf', { time: new Date(data.asOf).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', timeZone }) })}</p> : null}
      </div>

      {query.isPending ? <p role="status" aria-live="polite" className="muted">{t('usage.loading')}</p> : null}
      {query.isError ? (
        <div className="alert" role="alert">
          <p>{query.error.message || t('usage.error')}</p>
          <button type="button" className="button" data-variant="secondary" onClick={() => query.refetch()}>{t('usage.retry')}</button>
        </div>
      ) : null}

      {data ? (
        <>
          {data.last12Months.every((point) => point.quantity === 0) ? <p className="muted">{t('usage.empty', { metric: metric.displayName.toLowerCase() })}</p> : null}
          <div className="usage-grid">
            <section className="card" aria-labelledby="usage-period">
              <div className="stack">
                <h2 id="usage-period">{data.period.closed ? t('usage.period.closedTitle', { month: monthName(data.period.start.slice(0, 7)) }) : t('usage.period.title')}</h2>
                <p className="muted">{t('usage.period.range', { start: utcDate(data.period.start), end: utcDate(new Date(Date.parse(data.period.end) - 1).toISOString()) })}</p>
                <dl className="usage-figures">
                  <div><dt>{data.period.closed ? t('usage.period.used') : t('usage.period.soFar')}</dt><dd>{quantity(data.period.quantity)} {metric.unit}</dd></div>
                  <div><dt>{t('usage.period.included')}</dt><dd>{quantity(data.period.included)} {metric.unit}</dd></div>
                  <div><dt>{data.period.closed ? t('usage.period.charged') : t('usage.period.charge')}</dt><dd>{money(data.period.estimatedCharge, data.period.currency)}</dd></div>
                </dl>
                <p className="muted">{data.period.explanation}</p>
              </div>
            </section>
            <section className="card" aria-labelledby="usage-forecast">
              <div className="stack">
                <h2 id="usage-forecast">{t('usage.forecast.title')}</h2>
                <p className="usage-figure">{estimate(data.forecastNextMonth.value)} {metric.unit}</p>
                <p>{t('usage.forecast.range', { low: estimate(data.forecastNextMonth.low), high: estimate(data.forecastNextMonth.high), unit: metric.unit })}</p>
                <p className="muted">{data.forecastNextMonth.method}</p>
              </div>
            </section>
          </div>
          <UsageChart title={t('usage.last30.title')} points={data.last30} bucket="day" metricName={metric.displayName} unit={metric.unit} formatLabel={dayLabel} formatQuantity={quantity} />
          <UsageChart title={t('usage.last12.title')} points={data.last12Months} bucket="month" metricName={metric.displayName} unit={metric.unit} formatLabel={monthLabel} formatQuantity={quantity} />
          <section className="card" aria-labelledby="usage-breakdown">
            <div className="stack">
              <h2 id="usage-breakdown">{t('usage.breakdown.title', { dimension: data.breakdown.dimension })}</h2>
              {data.breakdown.rows.length === 0 ? (
                <p className="muted">{t('usage.breakdown.empty')}</p>
              ) : (
                <div className="table-scroll">
                  <table className="table">
                    <caption className="visually-hidden">{t('usage.breakdown.title', { dimension: data.breakdown.dimension })}</caption>
                    <thead><tr><th scope="col">{data.breakdown.dimension}</th><th scope="col">{t('usage.table.quantity')}</th></tr></thead>
                    <tbody>
                      {data.breakdown.rows.map((row) => (
                        <tr key={row.value ?? ''}><td>{row.value ?? t('usage.breakdown.none')}</td><td>{quantity(row.quantity)} {metric.unit}</td></tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </div>
          </section>
          <UsageAlertsForm metric={metric} canEdit={canEditAlerts} locale={locale} />
          <section className="card" aria-labelledby="usage-export">
            <form className="row" method="get" action="/api/account/usage/export.csv">
              <h2 id="usage-export" className="visually-hidden">{t('usage.export.title')}</h2>
              <input type="hidden" name="metric" value={metricId} />
              <input type="hidden" name="tz" value={timeZone} />
              <div className="field">
                <label htmlFor="usage-export-from">{t('usage.export.from')}</label>
                <input id="usage-export-from" name="from" type="date" required defaultValue={data.last30[0]?.label} />
              </div>
              <div className="field">
                <label htmlFor="usage-export-to">{t('usage.export.to')}</label>
                <input id="usage-export-to" name="to" type="date" required defaultValue={data.last30.at(-1)?.label} />
              </div>
              <div className="field">
                <label htmlFor="usage-export-granularity">{t('usage.export.granularity')}</label>
                <select id="usage-export-granularity" name="granularity" defaultValue="day">
                  <option value="day">{t('usage.export.day')}</option>
                  <option value="hour">{t('usage.export.hour')}</option>
                  <option value="raw">{t('usage.export.raw')}</option>
                </select>
              </div>
              <button type="submit" className="button" data-variant="secondary">{t('usage.export.download')}</button>
            </form>
          </section>
        </>
      ) : null}
    </div>
  )
}
