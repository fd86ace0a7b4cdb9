'use client'

import { type FormEvent, useState } from 'react'

import type { BillingDetailsSnapshot } from '@/billing/customer-sync/billing-snapshot'
import { TAX_ID_TYPES, type TaxIdType } from '@/billing/tax-id-types'
import { Field } from '@/components/ui/Field'
import { t } from '@/i18n/t'
import { portalFetch } from '@/lib/api/portal-fetch'

type TaxIdRow = { key: number; type: TaxIdType; value: string }

const ADDRESS_FIELDS = ['line1', 'line2', 'city', 'postalCode', 'state', 'country'] as const

/**
 * The invoice details form. Errors come back per field from the route (`address.city`,
 * `taxIds.1.value` …) and are shown under the input they concern; the summary is announced.
 */
export function BillingDetailsForm({ details, canEdit }: { details: BillingDetailsSnapshot; canEdit: boolean }) {
  const [taxIds, setTaxIds] = useState<TaxIdRow[]>(() => details.taxIds.map((taxId, key) => ({ key, type: taxId.type as TaxIdType, value: taxId.value })))
  const [nextKey, setNextKey] = useState(details.taxIds.length)
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle')
  const [message, setMessage] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const text = (name: string) => String(form.get(name) ?? '')
    const body = {
      billingName: text('billingName'),
      billingEmail: text('billingEmail'),
      address: Object.fromEntries(ADDRESS_FIELDS.map((field) => [field, text(`address.${field}`)])),
      taxIds: taxIds.map((row, index) => ({ type: text(`taxIds.${index}.type`), value: text(`taxIds.${index}.value`) })),
    }
    setStatus('saving')
    setErrors({})
    const result = await portalFetch('/api/billing/details', { method: 'PUT', body, fallback: t('billing.portal.error') })
    if (result.ok) {
      setStatus('saved')
      setMessage(t('billing.details.saved'))
      return
    }
    setStatus('error')
    setErrors(result.fields)
    setMessage(result.message)
  }

  const address = details.address
  return (
    <form onSubmit={submit} className="stack" noValidate>
      <fieldset disabled={!canEdit || status === 'saving'} className="stack">
        <Field label={t('billing.details.billingName')} name="billingName" defaultValue={details.billingName ?? ''} error={errors.billingName} autoComplete="organization" required />
        <Field
          label={t('billing.details.billingEmail')}
          name="billingEmail"
          type="email"
          defaultValue={details.billingEmail ?? ''}
          hint={t('billing.details.billingEmail.hint')}
          error={errors.billingEmail}
          autoComplete="email"
          required
        />
        {ADDRESS_FIELDS.map((field) => (
          <Field
            key={field}
            label={t(`billing.details.${field}`)}
            name={`address.${field}`}
            id={`field-address-${field}`}
            defaultValue={address[field] ?? ''}
            hint={field === 'country' ? t('billing.details.country.hint') : undefined}
            error={errors[`address.${field}`]}
            maxLength={field === 'country' ? 2 : undefined}
          />
        ))}
        <fieldset className="stack" data-gap="sm">
          <legend>{t('billing.details.taxIds')}</legend>
          {taxIds.length === 0 ? <p className="muted">{t('billing.details.taxIds.none')}</p> : null}
          {taxIds.map((row, index) => (
            <div className="row" key={row.key}>
              <div className="field">
                <label htmlFor={`taxid-type-${row.key}`}>{t('billing.details.taxId.type', { number: index + 1 })}</label>
                <select id={`taxid-type-${row.key}`} name={`taxIds.${index}.type`} defaultValue={row.type}>
                  {TAX_ID_TYPES.map((type) => <option key={type} value={type}>{t(`billing.taxIdType.${type}`)}</option>)}
                </select>
              </div>
              <Field
                label={t('billing.details.taxId.value', { number: index + 1 })}
                name={`taxIds.${index}.value`}
                id={`taxid-value-${row.key}`}
                defaultValue={row.value}
                error={errors[`taxIds.${index}.value`] ?? errors[`taxIds.${index}.type`]}
              />
              <button type="button" className="button" data-variant="secondary" onClick={() => setTaxIds((rows) => rows.filter((other) => other.key !== row.key))}>
                {t('billing.details.taxId.remove', { number: index + 1 })}
              </button>
            </div>
          ))}
          {errors.taxIds ? <span className="field-error">{errors.taxIds}</span> : null}
          <div className="row">
            <button
              type="button"
              className="button"
              data-variant="secondary"
              onClick={() => {
                setTaxIds((rows) => [...rows, { key: nextKey, type: 'eu_vat', value: '' }])
                setNextKey((key) => key + 1)
              }}
            >
              {t('billing.details.taxId.add')}
            </button>
          </div>
        </fieldset>
        <div className="row">
          <button type="submit" className="button" aria-busy={status === 'saving'}>
            {status === 'saving' ? t('billing.details.saving') : t('billing.details.save')}
          </button>
        </div>
      </fieldset>
      {canEdit ? null : <p className="muted">{t('billing.details.readOnly')}</p>}
      <p role={status === 'error' ? 'alert' : 'status'} className={status === 'error' ? 'field-error' : 'muted'}>{status === 'saved' || status === 'error' ? message : ''}</p>
    </form>
  )
}
