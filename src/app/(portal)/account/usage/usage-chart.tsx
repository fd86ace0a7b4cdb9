'use client'

import { useId, useState } from 'react'
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'

import { useT } from '@/components/locale-provider'
import type { SeriesPoint } from '@/metering/metering-source'

type Props = { title: string; points: SeriesPoint[]; bucket: 'day' | 'month'; metricName: string; unit: string; formatLabel: (label: string) => string; formatQuantity: (quantity: number) => string }

/**
 * One series as a bar chart with tooltips, and the same numbers as a table: visually hidden (read
 * by screen readers) while the chart shows, or shown instead of it with the toggle.
 */
export function UsageChart({ title, points, bucket, metricName, unit, formatLabel, formatQuantity }: Props) {
  const t = useT()
  const [asTable, setAsTable] = useState(false)
  const headingId = useId()
  const data = points.map((point) => ({ label: formatLabel(point.label), quantity: point.quantity }))
  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="stack">
        <div className="row usage-chart-head">
          <h2 id={headingId}>{title}</h2>
          <button type="button" className="button" data-variant="secondary" aria-pressed={asTable} onClick={() => setAsTable(!asTable)}>
            {asTable ? t('usage.chart.showChart') : t('usage.chart.showTable')}
          </button>
        </div>
        {asTable ? null : (
          <div className="usage-chart" aria-hidden="true">
            <ResponsiveContainer width="100%" height={240}>
              {/* The chart is hidden from assistive tech (the table beside it reads the numbers), so it must hold nothing focusable: no keyboard layer. */}
              <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }} accessibilityLayer={false}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="label" tick={{ fontSize: 12 }} interval="preserveStartEnd" minTickGap={16} />
                <YAxis tick={{ fontSize: 12 }} width={56} tickFormatter={(value: number) => formatQuantity(value)} />
                <Tooltip formatter={(value) => [`${formatQuantity(Number(value))} ${unit}`, metricName]} />
                <Bar dataKey="quantity" fill="var(--color-accent, #3558d4)" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
        )}
        <div className={asTable ? 'table-scroll' : 'visually-hidden'}>
          <table className="table">
            <caption className="visually-hidden">{t('usage.table.caption', { metric: metricName, bucket: t(bucket === 'day' ? 'usage.bucket.day' : 'usage.bucket.month') })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('usage.table.period')}</th>
                <th scope="col">{t('usage.table.quantity')}</th>
              </tr>
            </thead>
            <tbody>
              {points.map((point) => (
                <tr key={point.start}>
                  <td>{formatLabel(point.label)}</td>
                  <td>{formatQuantity(point.quantity)} {unit}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  )
}
