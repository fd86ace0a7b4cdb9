'use client'

import { type FormEvent, useState } from 'react'

import type { BillingDetailsSnapshot } from '@/billing/customer-sync/billing-snapshot'
import { TAX_ID_TYPES, TAX_ID_VERIFICATION_STATUSES, type TaxIdType, type TaxIdVerificationStatus } from '@/billing/tax-id-types'
import type { TaxIdFormatHints } from '@/billing/tax-ids/tax-id-format-hints'
import { Badge } from '@/components/ui/Badge'
import { Field } from '@/components/ui/Field'
import { useT } from '@/components/locale-provider'
import { portalFetch } from '@/lib/api/portal-fetch'

/** `saved` is the tax ID as Stripe has it, until the row is edited: only then does its verification badge apply. */
type TaxIdRow = { key: number; type: TaxIdType; value: string; saved?: { value: string; verification: TaxIdVerificationStatus | null } }

const ADDRESS_TEXT_FIELDS = ['line1', 'line2', 'city', 'postalCode', 'state'] as const
const VERIFICATION_TONE: Record<TaxIdVerificationStatus, 'success' | 'danger' | 'accent' | undefined> = { verified: 'success', unverified: 'danger', pending: 'accent', unavailable: undefined }
const isVerificationStatus = (status: string | null | undefined): status is TaxIdVerificationStatus =>
  (TAX_ID_VERIFICATION_STATUSES as readonly string[]).includes(status ?? '')

/**
 * The invoice details form. Errors come back per field from the route (`address.city`,
 * `taxIds.1.value` …, each naming the expected format) and are shown under the input they
 * concern; the summary is announced. Under each tax ID the format its type (and, for EU VAT, the
 * chosen country) expects; beside a saved one, Stripe's verification status.
 */
export function BillingDetailsForm({
  details,
  verifications,
  countries,
  formatHints,
  canEdit,
}: {
  details: BillingDetailsSnapshot
  /** Stripe's verification status of each of `details.taxIds`, in the same order. */
  verifications: (string | null)[]
  countries: readonly { code: string; name: string }[]
  formatHints: TaxIdFormatHints
  canEdit: boolean
}) {
  const t = useT()
  const [taxIds, setTaxIds] = useState<TaxIdRow[]>(() =>
    details.taxIds.map((taxId, key) => {
      const verification = verifications[key]
      return { key, type: taxId.type as TaxIdType, value: taxId.value, saved: { value: taxId.value, verification: isVerificationStatus(verification) ? verification : null } }
    }),
  )
  const [country, setCountry] = useState(details.address.country ?? '')
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
      address: { ...Object.fromEntries(ADDRESS_TEXT_FIELDS.map((field) => [field, text(`address.${field}`)])), country: text('address.country') },
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
        {ADDRESS_TEXT_FIELDS.map((field) => (
          <Field
            key={field}
            label={t(`billing.details.${field}`)}
            name={`address.${field}`}
            id={`field-address-${field}`}
            defaultValue={address[field] ?? ''}
            error={errors[`address.${field}`]}
            autoComplete={field === 'postalCode' ? 'postal-code' : undefined}
          />
        ))}
        <div className="field">
          <label htmlFor="field-address-country">{t('billing.details.country')}</label>
          <select
            id="field-address-country"
            name="address.country"
            value={country}
            onChange={(event) => setCountry(event.target.value)}
            aria-invalid={errors['address.country'] ? true : undefined}
            aria-describedby={errors['address.country'] ? 'field-address-country-error' : undefined}
            autoComplete="country"
          >
            <option value="">{t('billing.details.country.placeholder')}</option>
            {countries.map((option) => <option key={option.code} value={option.code}>{option.name}</option>)}
          </select>
          {errors['address.country'] ? <span id="field-address-country-error" className="field-error">{errors['address.country']}</span> : null}
        </div>
        <fieldset className="stack" data-gap="sm">
          <legend>{t('billing.details.taxIds')}</legend>
          {taxIds.length === 0 ? <p className="muted">{t('billing.details.taxIds.none')}</p> : null}
          {taxIds.map((row, index) => {
            const verification = row.saved && row.saved.value === row.value ? row.saved.verification : null
            const update = (change: Partial<TaxIdRow>) => setTaxIds((rows) => rows.map((other) => (other.key === row.key ? { ...other, ...change } : other)))
            return (
              <div className="row" key={row.key}>
                <div className="field">
                  <label htmlFor={`taxid-type-${row.key}`}>{t('billing.details.taxId.type', { number: index + 1 })}</label>
                  <select id={`taxid-type-${row.key}`} name={`taxIds.${index}.type`} value={row.type} onChange={(event) => update({ type: event.target.value as TaxIdType })}>
                    {TAX_ID_TYPES.map((type) => <option key={type} value={type}>{t(`billing.taxIdType.${type}`)}</option>)}
                  </select>
                </div>
                <Field
                  label={t('billing.details.taxId.value', { number: index + 1 })}
                  name={`taxIds.${index}.value`}
                  id={`taxid-value-${row.key}`}
                  value={row.value}
                  onChange={(event) => update({ value: event.target.value })}
                  hint={row.type === 'eu_vat' ? (formatHints.euVatByCountry[country] ?? formatHints.byType.eu_vat) : formatHints.byType[row.type]}
                  error={errors[`taxIds.${index}.value`] ?? errors[`taxIds.${index}.type`]}
                />
                {verification ? (
                  <span data-testid={`taxid-verification-${index}`}>
                    <Badge tone={VERIFICATION_TONE[verification]}>{t(`billing.taxId.verification.${verification}`)}</Badge>
                  </span>
                ) : null}
                <button type="button" className="button" data-variant="secondary" onClick={() => setTaxIds((rows) => rows.filter((other) => other.key !== row.key))}>
                  {t('billing.details.taxId.remove', { number: index + 1 })}
                </button>
              </div>
            )
          })}
          {taxIds.some((row) => row.saved?.verification) ? <p className="muted">{t('billing.taxId.verification.hint')}</p> : null}
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
