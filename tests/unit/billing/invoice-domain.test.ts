/** The Invoices screen's pure pieces: date presets on an injected clock, the query schema, the CSV, the view, the PDF URL guard. */
import type Stripe from 'stripe'
import { describe, expect, it } from 'vitest'

import { isStripeFileUrl } from '../../../src/billing/invoices/fetch-invoice-pdf'
import { invoiceFileName } from '../../../src/billing/invoices/invoice-file-name'
import { invoiceDatePresets } from '../../../src/billing/invoices/invoice-date-presets'
import { InvoiceListQuery, parseInvoiceFilters } from '../../../src/billing/invoices/invoice-query'
import { invoiceView } from '../../../src/billing/invoices/invoice-view'
import { invoicesCsv, majorUnits } from '../../../src/billing/invoices/invoices-csv'
import { stripeInvoiceListParams } from '../../../src/billing/invoices/stripe-invoice-list-params'

const presetsOn = (iso: string) => Object.fromEntries(invoiceDatePresets(new Date(iso)).map((preset) => [preset.id, [preset.from, preset.to]]))

describe('invoiceDatePresets', () => {
  it.each([
    ['2026-12-01T12:00:00Z', ['2026-10-01', '2026-12-31'], ['2026-07-01', '2026-09-30'], ['2026-01-01', '2026-12-31'], ['2025-01-01', '2025-12-31']],
    // Q1: last quarter is the previous year's Q4.
    ['2026-02-15T00:00:00Z', ['2026-01-01', '2026-03-31'], ['2025-10-01', '2025-12-31'], ['2026-01-01', '2026-12-31'], ['2025-01-01', '2025-12-31']],
    // Leap year; the first instant of a quarter belongs to it.
    ['2028-04-01T00:00:00Z', ['2028-04-01', '2028-06-30'], ['2028-01-01', '2028-03-31'], ['2028-01-01', '2028-12-31'], ['2027-01-01', '2027-12-31']],
    // The last instant of a year, in UTC.
    ['2026-12-31T23:59:59Z', ['2026-10-01', '2026-12-31'], ['2026-07-01', '2026-09-30'], ['2026-01-01', '2026-12-31'], ['2025-01-01', '2025-12-31']],
  ])('on %s', (now, thisQuarter, lastQuarter, thisYear, lastYear) => {
    expect(presetsOn(now)).toEqual({ this_quarter: thisQuarter, last_quarter: lastQuarter, this_year: thisYear, last_year: lastYear })
  })
})

describe('invoice query', () => {
  it('takes blank form fields as no filter and refuses impossible dates and reversed ranges', () => {
    expect(InvoiceListQuery.parse({ status: '', from: '', to: '', cursor: '' })).toEqual({})
    expect(InvoiceListQuery.safeParse({ from: '2026-02-29' }).success).toBe(false)
    expect(InvoiceListQuery.safeParse({ from: '2028-02-29' }).success).toBe(true)
    expect(InvoiceListQuery.safeParse({ from: '2026-05-01', to: '2026-04-30' }).success).toBe(false)
    expect(InvoiceListQuery.safeParse({ status: 'draft' }).success).toBe(false)
  })

  it('drops a bad page parameter instead of failing the page', () => {
    expect(parseInvoiceFilters({ status: ['paid', 'void'], from: '2026-13-01', to: '2026-03-31' })).toEqual({ status: 'paid', to: '2026-03-31' })
  })

  it('maps past due onto Stripe’s open with a due date before now, and days onto whole UTC days', () => {
    const now = new Date('2026-12-01T10:00:00Z')
    expect(stripeInvoiceListParams('cus_1', { status: 'past_due', from: '2026-10-01', to: '2026-12-31' }, now)).toEqual({
      customer: 'cus_1',
      status: 'open',
      due_date: { lt: Date.parse('2026-12-01T10:00:00Z') / 1000 },
      created: { gte: Date.parse('2026-10-01T00:00:00Z') / 1000, lte: Date.parse('2026-12-31T23:59:59Z') / 1000 },
    })
    expect(stripeInvoiceListParams('cus_1', {}, now)).toEqual({ customer: 'cus_1' })
  })
})

const stripeInvoice = (overrides: Partial<Stripe.Invoice>): Stripe.Invoice =>
  ({
    id: 'in_1',
    number: 'ABC-0001',
    status: 'open',
    currency: 'eur',
    subtotal: 10_000,
    total: 11_900,
    amount_due: 11_900,
    total_taxes: [{ amount: 1_900 }],
    created: Date.parse('2026-03-01T00:00:00Z') / 1000,
    period_start: Date.parse('2026-02-01T00:00:00Z') / 1000,
    period_end: Date.parse('2026-03-01T00:00:00Z') / 1000,
    due_date: Date.parse('2026-03-15T00:00:00Z') / 1000,
    hosted_invoice_url: 'https://invoice.stripe.com/i/x',
    lines: { data: [{ period: { start: Date.parse('2026-03-01T00:00:00Z') / 1000, end: Date.parse('2026-04-01T00:00:00Z') / 1000 } }] },
    ...overrides,
  }) as unknown as Stripe.Invoice

describe('invoiceView and the CSV', () => {
  it('shows an open invoice as past due once its due date has passed, with tax and the lines’ period', () => {
    expect(invoiceView(stripeInvoice({}), new Date('2026-03-14T23:59:59Z'))).toMatchObject({ status: 'open', tax: 1_900, periodStart: '2026-03-01T00:00:00.000Z', periodEnd: '2026-04-01T00:00:00.000Z' })
    expect(invoiceView(stripeInvoice({}), new Date('2026-03-15T00:00:01Z')).status).toBe('past_due')
    expect(invoiceView(stripeInvoice({ status: 'paid' }), new Date('2027-01-01')).status).toBe('paid')
    expect(invoiceView(stripeInvoice({ lines: { data: [] } as unknown as Stripe.Invoice['lines'] }), new Date()).periodStart).toBe('2026-02-01T00:00:00.000Z')
  })

  it('writes net, tax and total as decimals of the currency', () => {
    const csv = invoicesCsv([invoiceView(stripeInvoice({ status: 'paid' }), new Date()), invoiceView(stripeInvoice({ id: 'in_2', number: null, currency: 'jpy', total: 500, subtotal: 500, total_taxes: [], status: 'void' }), new Date())])
    expect(csv.trim().split('\n')).toEqual([
      'number,date,period,net,tax,total,currency,status',
      'ABC-0001,2026-03-01,2026-03-01/2026-04-01,100.00,19.00,119.00,EUR,paid',
      'in_2,2026-03-01,2026-03-01/2026-04-01,500,0,500,JPY,void',
    ])
    expect(majorUnits(-250, 'usd')).toBe('-2.50')
  })

  it('names files by invoice number, reduced to safe characters', () => {
    expect(invoiceFileName({ id: 'in_1', number: 'ABC-0001' })).toBe('ABC-0001.pdf')
    expect(invoiceFileName({ id: 'in_1', number: 'A/B "2"\r\n' })).toBe('A-B--2---.pdf')
    expect(invoiceFileName({ id: 'in_1', number: null })).toBe('in_1.pdf')
  })
})

describe('isStripeFileUrl', () => {
  const stripe = { kind: 'stripe', apiKey: 'sk_test_x' } as const
  const emulator = { kind: 'emulator', apiKey: 'sk_test_x', url: 'http://127.0.0.1:12111', host: '127.0.0.1', port: 12111, protocol: 'http' } as const
  it.each([
    ['https://pay.stripe.com/invoice/acct_1/test_x/pdf?s=ap', stripe, true],
    ['https://files.stripe.com/x.pdf', stripe, true],
    ['http://pay.stripe.com/invoice/x/pdf', stripe, false],
    ['https://stripe.com.evil.test/x', stripe, false],
    ['https://evilstripe.com/x', stripe, false],
    ['http://169.254.169.254/latest/meta-data', stripe, false],
    ['not a url', stripe, false],
    ['http://127.0.0.1:12111/invoice/in_1/pdf', emulator, true],
    ['http://127.0.0.1:5432/', emulator, false],
  ])('%s', (url, target, allowed) => {
    expect(isStripeFileUrl(url, target)).toBe(allowed)
  })
})
