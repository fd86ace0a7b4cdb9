'use client'

import { useState } from 'react'

import type { InvoicePage, InvoiceView } from '@/billing/invoices/invoice-view'
import { useT, useUiLocale } from '@/components/locale-provider'
import { portalFetch } from '@/lib/api/portal-fetch'

import { InvoiceRow } from './invoice-row'

/**
 * The rows after the first page, fetched with Stripe's cursor and appended to the same table body
 * (a second <tbody>), and the button that asks for them. Focus moves to the first new row so a
 * keyboard user carries on where the list grew.
 */
export function LoadMoreInvoices({ filterQuery, initialCursor, canReport }: { filterQuery: string; initialCursor: string | null; canReport: boolean }) {
  const t = useT()
  const locale = useUiLocale()
  const [invoices, setInvoices] = useState<InvoiceView[]>([])
  const [cursor, setCursor] = useState(initialCursor)
  const [state, setState] = useState<'idle' | 'loading' | 'error'>('idle')

  const loadMore = async () => {
    if (!cursor) return
    setState('loading')
    const query = new URLSearchParams(filterQuery)
    query.set('cursor', cursor)
    const result = await portalFetch<InvoicePage>(`/api/billing/invoices?${query}`, { method: 'GET', fallback: t('invoices.loadError') })
    if (!result.ok) {
      setState('error')
      return
    }
    const firstNew = result.data.invoices[0]?.id
    setInvoices((shown) => [...shown, ...result.data.invoices])
    setCursor(result.data.nextCursor)
    setState('idle')
    if (firstNew) requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-invoice-id="${firstNew}"] th`)?.focus())
  }

  return (
    <>
      {invoices.length > 0 ? (
        <tbody>
          {invoices.map((invoice) => <InvoiceRow key={invoice.id} invoice={invoice} canReport={canReport} locale={locale} />)}
        </tbody>
      ) : null}
      {cursor || state === 'error' ? (
        <tfoot>
          <tr>
            <td colSpan={canReport ? 8 : 7}>
              <div className="row">
                {cursor ? (
                  <button type="button" className="button" data-variant="secondary" onClick={loadMore} disabled={state === 'loading'} aria-busy={state === 'loading'}>
                    {state === 'loading' ? t('invoices.loading') : t('invoices.loadMore')}
                  </button>
                ) : null}
                {state === 'error' ? <p role="alert" className="field-error">{t('invoices.loadError')}</p> : null}
              </div>
            </td>
          </tr>
        </tfoot>
      ) : null}
    </>
  )
}
