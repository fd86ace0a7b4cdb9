import { unzipSync, strFromU8 } from 'fflate'
import type { Payload } from 'payload'
import type Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { GET as pdfGET } from '../../src/app/(portal)/api/billing/invoices/[id]/pdf/route'
import { GET as archiveGET } from '../../src/app/(portal)/api/billing/invoices/archive.zip/route'
import { GET as listGET } from '../../src/app/(portal)/api/billing/invoices/route'
import { isPastDue } from '../../src/billing/invoices/invoice-view'
import type { StripeEmulator } from '../../emulator/stripe'
import { seedStripeDemo } from '../../scripts/demo/seed-stripe-demo'
import { routeCaller } from '../helpers/call-route'
import { createOrganizationWithEveryRole, type TestOrganization, testPayload } from '../helpers/payload'
import { startStripeForApp } from '../helpers/stripe'

/**
 * The Invoices screen's routes against the emulator's Stripe: thirteen months of renewals plus
 * one invoice of every other status for organization A, a shorter history for B. Expectations
 * are read from Stripe itself (the emulator's own list), not restated by hand.
 */
let payload: Payload
let emulator: StripeEmulator
let stripe: Stripe
let a: TestOrganization
let b: TestOrganization
let noCustomer: TestOrganization
let call: ReturnType<typeof routeCaller>
let aCustomer: string
let bCustomer: string
let aInvoices: Stripe.Invoice[]
let bInvoices: Stripe.Invoice[]
const ids = { pastDue: '', open: '', void: '', uncollectible: '' }

/** The seed's clock ends here: the 1st of each month from 2025-11 to 2026-11 has a paid renewal. */
const SEEDED_UNTIL = new Date('2026-11-20T12:00:00Z')

async function oneOff(customer: string, description: string, daysUntilDue: number) {
  const draft = await stripe.invoices.create({ customer, collection_method: 'send_invoice', days_until_due: daysUntilDue, description })
  await stripe.invoiceItems.create({ customer, invoice: draft.id, amount: 12_345, currency: 'usd', description })
  return stripe.invoices.finalizeInvoice(draft.id)
}

async function linkedHistory(organization: TestOrganization, months: number) {
  const [seeded] = await seedStripeDemo(stripe, {
    customers: [{ name: organization.organization.name, email: `ap-${organization.organization.id}@example.test`, metadata: { organizationId: String(organization.organization.id) } }],
    months,
    now: SEEDED_UNTIL,
  })
  await payload.update({ collection: 'organizations', id: organization.organization.id, data: { stripeCustomerId: seeded!.customerId }, overrideAccess: true })
  return seeded!.customerId
}

const allOf = async (customer: string) => {
  const invoices: Stripe.Invoice[] = []
  for await (const invoice of stripe.invoices.list({ customer, limit: 100 })) if (invoice.status !== 'draft') invoices.push(invoice)
  return invoices
}

beforeAll(async () => {
  ;({ emulator, stripe } = await startStripeForApp())
  payload = await testPayload()
  a = await createOrganizationWithEveryRole(payload, 'invoices-a')
  b = await createOrganizationWithEveryRole(payload, 'invoices-b')
  noCustomer = await createOrganizationWithEveryRole(payload, 'invoices-none')
  aCustomer = await linkedHistory(a, 13)
  bCustomer = await linkedHistory(b, 2)
  // The seed's open "Onboarding workshop" is due in 30 days of the seed clock; void it, so every status below is fixed.
  const workshop = (await stripe.invoices.list({ customer: aCustomer, status: 'open' })).data[0]!
  ids.void = (await stripe.invoices.voidInvoice(workshop.id)).id
  ids.pastDue = (await oneOff(aCustomer, 'Overdue consulting', 1)).id
  ids.open = (await oneOff(aCustomer, 'Consulting, due in ten years', 3650)).id
  ids.uncollectible = (await stripe.invoices.markUncollectible((await oneOff(aCustomer, 'Written off', 5)).id)).id
  aInvoices = await allOf(aCustomer)
  bInvoices = await allOf(bCustomer)
  call = routeCaller(payload)
})
afterAll(async () => {
  await emulator?.stop()
})

const list = (query = '', user = a.members.owner) => call(listGET, user, `/api/billing/invoices${query ? `?${query}` : ''}`)
const createdIn = (invoice: Stripe.Invoice, from: string, to: string) => invoice.created >= Date.parse(`${from}T00:00:00Z`) / 1000 && invoice.created <= Date.parse(`${to}T23:59:59Z`) / 1000

describe('GET /api/billing/invoices', () => {
  it('pages through every invoice of the organization with Stripe’s cursor, newest first, in the documented shape', async () => {
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const response = await list(`limit=5${cursor ? `&cursor=${cursor}` : ''}`)
      expect(response.status).toBe(200)
      expect(Object.keys(response.body.data).sort()).toEqual(['hasMore', 'invoices', 'nextCursor'])
      seen.push(...response.body.data.invoices.map((invoice: { id: string }) => invoice.id))
      cursor = response.body.data.nextCursor
      expect(response.body.data.hasMore).toBe(cursor !== null)
      pages++
    } while (cursor)
    expect(aInvoices).toHaveLength(17)
    expect(seen).toEqual(aInvoices.map((invoice) => invoice.id))
    expect(pages).toBe(4)

    const first = (await list('limit=1')).body.data.invoices[0]
    expect(Object.keys(first).sort()).toEqual(['amountDue', 'created', 'currency', 'hostedInvoiceUrl', 'id', 'number', 'periodEnd', 'periodStart', 'status', 'subtotal', 'tax', 'total'].sort())
    const source = aInvoices[0]!
    expect(first).toMatchObject({ id: source.id, number: source.number, currency: 'usd', subtotal: source.subtotal, total: source.total, amountDue: source.amount_due, tax: 0, created: new Date(source.created * 1000).toISOString() })
  })

  it('filters by status; past due is open with its due date behind us', async () => {
    const statuses = async (status: string) => (await list(`status=${status}&limit=100`)).body.data.invoices as Array<{ id: string; status: string }>
    const paid = await statuses('paid')
    expect(paid.map((invoice) => invoice.id)).toEqual(aInvoices.filter((invoice) => invoice.status === 'paid').map((invoice) => invoice.id))
    expect(paid).toHaveLength(13)
    expect((await statuses('past_due')).map((invoice) => [invoice.id, invoice.status])).toEqual([[ids.pastDue, 'past_due']])
    // Open includes the overdue one (it is open); each shows its own badge.
    expect((await statuses('open')).map((invoice) => [invoice.id, invoice.status])).toEqual([[ids.open, 'open'], [ids.pastDue, 'past_due']])
    expect((await statuses('void')).map((invoice) => invoice.id)).toEqual([ids.void])
    expect((await statuses('uncollectible')).map((invoice) => invoice.id)).toEqual([ids.uncollectible])
    expect(isPastDue(aInvoices.find((invoice) => invoice.id === ids.pastDue)!, new Date())).toBe(true)
  })

  it('filters by an inclusive date range of whole UTC days', async () => {
    const response = await list('from=2026-01-01&to=2026-03-31&limit=100')
    const expected = aInvoices.filter((invoice) => createdIn(invoice, '2026-01-01', '2026-03-31'))
    expect(expected).toHaveLength(3)
    expect(response.body.data.invoices.map((invoice: { id: string }) => invoice.id)).toEqual(expected.map((invoice) => invoice.id))
    // A renewal made at 00:00 UTC on the 1st belongs to the day that starts then, not to the day before.
    expect((await list('from=2026-03-01&to=2026-03-01')).body.data.invoices).toHaveLength(1)
    expect((await list('from=2026-02-28&to=2026-02-28')).body.data.invoices).toHaveLength(0)
  })

  it('is for owner, admin and billing only', async () => {
    for (const role of ['owner', 'admin', 'billing'] as const) expect((await list('limit=1', a.members[role])).status).toBe(200)
    for (const role of ['member', 'viewer'] as const) {
      const response = await list('', a.members[role])
      expect(response.status).toBe(403)
      expect(response.body.error?.code).toBe('forbidden')
    }
  })

  it('answers bad filters with field errors', async () => {
    const fieldsOf = async (query: string) => {
      const response = await list(query)
      expect(response.status, query).toBe(422)
      return Object.keys(response.body.error?.fields ?? {})
    }
    expect(await fieldsOf('status=overdue')).toEqual(['status'])
    expect(await fieldsOf('from=2026-02-30')).toEqual(['from'])
    expect(await fieldsOf('from=2026-03-01&to=2026-02-01')).toEqual(['to'])
    expect(await fieldsOf('cursor=not-an-invoice')).toEqual(['cursor'])
    expect(await fieldsOf('limit=1000')).toEqual(['limit'])
  })

  it('an organization that never opened billing has no invoices', async () => {
    expect((await list('', noCustomer.members.owner)).body.data).toEqual({ invoices: [], hasMore: false, nextCursor: null })
  })
})

describe('cross-tenant: another organization’s invoices', () => {
  it('a cursor from B’s list is refused, and no page of A’s list holds B’s invoices', async () => {
    const response = await list(`cursor=${bInvoices[0]!.id}`)
    expect(response.status).toBe(422)
    expect(JSON.stringify(response.body)).not.toContain(b.organization.name)
    const everything = await list('limit=100')
    const bIds = new Set(bInvoices.map((invoice) => invoice.id))
    expect(everything.body.data.invoices.some((invoice: { id: string }) => bIds.has(invoice.id))).toBe(false)
  })

  it('B’s invoice PDF answers 404 to every role of A and streams nothing', async () => {
    for (const user of Object.values(a.members)) {
      const response = await call(pdfGET, user, `/api/billing/invoices/${bInvoices[0]!.id}/pdf`, { params: { id: bInvoices[0]!.id } })
      expect(response.status).toBeGreaterThanOrEqual(403)
      expect(response.headers.get('content-type')).toContain('application/json')
      expect(response.bytes).toBeUndefined()
      expect(JSON.stringify(response.body)).not.toContain(b.organization.name)
    }
    const owner = await call(pdfGET, a.members.owner, '/api/billing/invoices/x/pdf', { params: { id: bInvoices[0]!.id } })
    expect(owner.status).toBe(404)
    for (const id of ['in_doesNotExist123', 'cus_123', '../../v1/customers', '']) {
      expect((await call(pdfGET, a.members.owner, '/api/billing/invoices/x/pdf', { params: { id } })).status, id).toBe(404)
    }
  })

  it('a ZIP over all time holds A’s invoices only', async () => {
    const response = await call(archiveGET, a.members.owner, '/api/billing/invoices/archive.zip?from=2000-01-01&to=2099-12-31')
    const files = Object.keys(unzipSync(new Uint8Array(response.bytes!)))
    expect(files).toHaveLength(aInvoices.length + 1)
    for (const invoice of bInvoices) expect(files).not.toContain(`${invoice.number}.pdf`)
  })
})

describe('GET /api/billing/invoices/:id/pdf', () => {
  it('streams Stripe’s PDF named by invoice number', async () => {
    const invoice = aInvoices.find((entry) => entry.status === 'paid')!
    const response = await call(pdfGET, a.members.billing, `/api/billing/invoices/${invoice.id}/pdf`, { params: { id: invoice.id } })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/pdf')
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${invoice.number}.pdf"`)
    expect(response.body.text!.startsWith('%PDF-')).toBe(true)
    expect(response.body.text).toContain(`(${invoice.number})`)
    expect(response.body.text).toContain(`(${a.organization.name})`)
  })

  it('is refused to a member', async () => {
    const response = await call(pdfGET, a.members.member, '/api/billing/invoices/x/pdf', { params: { id: aInvoices[0]!.id } })
    expect(response.status).toBe(403)
    expect(response.bytes).toBeUndefined()
  })
})

describe('GET /api/billing/invoices/archive.zip', () => {
  it('holds exactly the range’s PDFs and a CSV whose totals are the list’s', async () => {
    const query = 'from=2026-04-01&to=2026-06-30'
    const response = await call(archiveGET, a.members.admin, `/api/billing/invoices/archive.zip?${query}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/zip')
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="invoices-2026-04-01-to-2026-06-30.zip"')
    const files = unzipSync(new Uint8Array(response.bytes!))
    const listed = (await list(`${query}&limit=100`)).body.data.invoices as Array<{ id: string; number: string; total: number; tax: number; status: string }>
    expect(listed).toHaveLength(3)
    expect(Object.keys(files).sort()).toEqual(['invoices.csv', ...listed.map((invoice) => `${invoice.number}.pdf`)].sort())
    for (const invoice of listed) expect(strFromU8(files[`${invoice.number}.pdf`]!, true)).toContain(`(${invoice.number})`)

    const [header, ...rows] = strFromU8(files['invoices.csv']!).trim().split('\n').map((line) => line.split(','))
    expect(header).toEqual(['number', 'date', 'period', 'net', 'tax', 'total', 'currency', 'status'])
    expect(rows.map((row) => row[0])).toEqual(listed.map((invoice) => invoice.number))
    const cents = (value: string) => Math.round(Number(value) * 100)
    expect(rows.reduce((sum, row) => sum + cents(row[5]!), 0)).toBe(listed.reduce((sum, invoice) => sum + invoice.total, 0))
    for (const row of rows) expect(cents(row[3]!) + cents(row[4]!)).toBe(cents(row[5]!))
    expect(rows.every((row) => row[6] === 'USD' && row[7] === 'paid' && /^\d{4}-\d{2}-\d{2}\/\d{4}-\d{2}-\d{2}$/.test(row[2]!))).toBe(true)
  })

  it('applies the status filter too', async () => {
    const response = await call(archiveGET, a.members.owner, '/api/billing/invoices/archive.zip?from=2000-01-01&to=2099-12-31&status=past_due')
    const files = unzipSync(new Uint8Array(response.bytes!))
    const pastDue = aInvoices.find((invoice) => invoice.id === ids.pastDue)!
    expect(Object.keys(files).sort()).toEqual([`${pastDue.number}.pdf`, 'invoices.csv'])
    expect(strFromU8(files['invoices.csv']!)).toContain(',past_due')
  })

  it('needs a valid range, and is empty but well-formed without a Stripe customer', async () => {
    expect((await call(archiveGET, a.members.owner, '/api/billing/invoices/archive.zip?from=2026-01-01')).body.error?.fields).toHaveProperty('to')
    expect((await call(archiveGET, a.members.owner, '/api/billing/invoices/archive.zip?from=2026-02-01&to=2026-01-01')).status).toBe(422)
    expect((await call(archiveGET, a.members.viewer, '/api/billing/invoices/archive.zip?from=2026-01-01&to=2026-02-01')).status).toBe(403)
    const empty = await call(archiveGET, noCustomer.members.billing, '/api/billing/invoices/archive.zip?from=2026-01-01&to=2026-12-31')
    const files = unzipSync(new Uint8Array(empty.bytes!))
    expect(Object.keys(files)).toEqual(['invoices.csv'])
    expect(strFromU8(files['invoices.csv']!).trim()).toBe('number,date,period,net,tax,total,currency,status')
  })
})
