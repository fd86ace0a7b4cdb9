'use client'

import { useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'

import { currencyDigits } from '@/billing/invoices/currency-digits'
import { Field } from '@/components/ui/Field'
import { useT } from '@/components/locale-provider'
import { portalFetch } from '@/lib/api/portal-fetch'
import type { UsageAlertsView } from '@/metering/usage-alerts-view'

type Props = { metric: { id: string; unit: string; currency: string }; canEdit: boolean; locale: string }

async function fetchAlerts(metric: string, fallback: string): Promise<UsageAlertsView> {
  const result = await portalFetch<UsageAlertsView>(`/api/account/usage/alerts?${new URLSearchParams({ metric })}`, { method: 'GET', fallback })
  if (!result.ok) throw new Error(result.message)
  return result.data
}

/** "50, 80,100" → [50, 80, 100]; a piece that isn't a number is sent as null so the route names it. */
const numbers = (text: string) => text.split(/[,\s]+/).filter(Boolean).map((piece) => (Number.isFinite(Number(piece)) ? Number(piece) : null))

/** The first error among `name` and `name.N` (the route names each bad list item by index). */
const listError = (errors: Record<string, string>, name: string) => errors[name] ?? Object.entries(errors).find(([key]) => key.startsWith(`${name}.`))?.[1]

/**
 * Budget alerts for the metric on screen: a monthly budget with percentages of it, and absolute
 * quantities. Everyone sees them and what this period has reached; owners and admins edit them.
 * A plain form (labels, hints and errors tied to inputs), so it works from the keyboard alone.
 */
export function UsageAlertsForm({ metric, canEdit, locale }: Props) {
  const t = useT()
  const client = useQueryClient()
  const query = useQuery({ queryKey: ['usage-alerts', metric.id], queryFn: () => fetchAlerts(metric.id, t('usage.error')) })
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle')
  const [message, setMessage] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const digits = currencyDigits(metric.currency)
  const alerts = query.data

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const text = (name: string) => String(form.get(name) ?? '').trim()
    const body = { metric: metric.id, monthlyBudget: text('monthlyBudget') || null, percentThresholds: numbers(text('percentThresholds')), quantityThresholds: numbers(text('quantityThresholds')) }
    setStatus('saving')
    setErrors({})
    const result = await portalFetch<UsageAlertsView>('/api/account/usage/alerts', { method: 'PUT', body, fallback: t('usage.alerts.error.save') })
    if (result.ok) {
      client.setQueryData(['usage-alerts', metric.id], result.data)
      setStatus('saved')
      setMessage(t('usage.alerts.saved'))
      return
    }
    setStatus('error')
    setErrors(result.fields)
    setMessage(result.message)
  }

  const reached = alerts?.crossed.map(({ threshold }) => {
    const [kind, value, budget] = threshold.split(':')
    if (kind === 'quantity') return `${Number(value).toLocaleString(locale)} ${metric.unit}`
    const amount = new Intl.NumberFormat(locale, { style: 'currency', currency: metric.currency.toUpperCase() }).format(Number(budget) / 10 ** digits)
    return t('usage.alerts.reachedPercent', { percent: value ?? '', budget: amount })
  })

  return (
    <section className="card" aria-labelledby="usage-alerts">
      <div className="stack">
        <h2 id="usage-alerts">{t('usage.alerts.title')}</h2>
        <p className="muted">{t('usage.alerts.intro')}</p>
        {!canEdit ? <p className="muted">{t('usage.alerts.readOnly')}</p> : null}
        {query.isError ? <p role="alert" className="field-error">{query.error.message}</p> : null}
        {alerts ? (
          <>
            <p role="status">{reached && reached.length > 0 ? t('usage.alerts.reached', { thresholds: reached.join(', ') }) : t('usage.alerts.none')}</p>
            <form onSubmit={submit} className="stack" noValidate key={`${metric.id}-${alerts.monthlyBudget}-${alerts.percentThresholds.join()}-${alerts.quantityThresholds.join()}`}>
              <fieldset disabled={!canEdit || status === 'saving'} className="stack">
                <Field
                  label={t('usage.alerts.budget', { currency: metric.currency.toUpperCase() })}
                  name="monthlyBudget"
                  id="usage-alerts-budget"
                  inputMode="decimal"
                  defaultValue={alerts.monthlyBudget === null ? '' : (alerts.monthlyBudget / 10 ** digits).toFixed(digits)}
                  hint={t('usage.alerts.budgetHint')}
                  error={errors.monthlyBudget}
                />
                <Field label={t('usage.alerts.percent')} name="percentThresholds" id="usage-alerts-percent" inputMode="numeric" defaultValue={alerts.percentThresholds.join(', ')} hint={t('usage.alerts.percentHint')} error={listError(errors, 'percentThresholds')} />
                <Field
                  label={t('usage.alerts.quantity', { unit: metric.unit })}
                  name="quantityThresholds"
                  id="usage-alerts-quantity"
                  inputMode="decimal"
                  defaultValue={alerts.quantityThresholds.join(', ')}
                  hint={t('usage.alerts.quantityHint')}
                  error={listError(errors, 'quantityThresholds')}
                />
                {canEdit ? (
                  <div className="row">
                    <button type="submit" className="button">{status === 'saving' ? t('usage.alerts.saving') : t('usage.alerts.save')}</button>
                  </div>
                ) : null}
              </fieldset>
              <p role={status === 'error' ? 'alert' : 'status'} className={status === 'error' ? 'field-error' : 'muted'}>{status === 'saved' || status === 'error' ? message : ''}</p>
            </form>
          </>
        ) : null}
      </div>
    </section>
  )
}
