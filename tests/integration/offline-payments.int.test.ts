import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'
import type Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { StripeEmulator } from '../../emulator/stripe'
import { POST as reportPOST } from '../../src/app/(portal)/api/billing/invoices/[id]/offline-payments/route'
import { GET as listGET } from '../../src/app/(portal)/api/billing/invoices/route'
import { REMITTANCE_MAX_BYTES } from '../../src/billing/offline-payments/remittance-file'
import { requestDb } from '../../src/lib/transaction-db'
import { routeCaller } from '../helpers/call-route'
import { runJobsNow } from '../helpers/jobs'
import { createOrganizationWithEveryRole, type TestOrganization, testPayload } from '../helpers/payload'
import { payloadHttp } from '../helpers/payload-http'
import { type SmtpReceiver, startSmtpReceiver } from '../helpers/smtp-receiver'
import { startStripeForApp } from '../helpers/stripe'

/**
 * Offline payments end to end below the browser: the customer's report through the portal route
 * (checked, stored, audited, announced), staff's Confirm / Reject through the collection's
 * endpoints (Stripe's invoice paid out of band by the emulator, emails to the billing contacts
 * through a real SMTP receiver), and what must not happen: another tenant's invoice, a customer
 * deciding, Stripe down during a confirmation.
 */
let payload: Payload
let emulator: StripeEmulator
let stripe: Stripe
let smtp: SmtpReceiver
let http: Awaited<ReturnType<typeof payloadHttp>>
let staffToken: string
let a: TestOrganization
let b: TestOrganization
let call: ReturnType<typeof routeCaller>
let aCustomer: string
let bCustomer: string

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)])

async function openInvoice(customer: string, amount = 12_345): Promise<Stripe.Invoice> {
  const draft = await stripe.invoices.create({ customer, collection_method: 'send_invoice', days_until_due: 30, description: 'Consulting' })
  await stripe.invoiceItems.create({ customer, invoice: draft.id, amount, currency: 'usd', description: 'Consulting' })
  return stripe.invoices.finalizeInvoice(draft.id)
}

async function linkedCustomer(org: TestOrganization): Promise<string> {
  const customer = await stripe.customers.create({ name: org.organization.name, metadata: { organizationId: String(org.organization.id) } })
  await payload.update({ collection: 'organizations', id: org.organization.id, data: { stripeCustomerId: customer.id }, overrideAccess: true })
  return customer.id
}

const report = (invoiceId: string, body: unknown, user = a.members.billing) => call(reportPOST, user, `/api/billing/invoices/${invoiceId}/offline-payments`, { method: 'POST', body, params: { id: invoiceId } })
const valid = (extra: Record<string, unknown> = {}) => ({ paidOn: '2026-01-15', amount: '123.45', reference: 'WIRE-2026-0042', ...extra })
const recordsOf = (invoiceId: string) => payload.find({ collection: 'offline-payments', where: { stripeInvoiceId: { equals: invoiceId } }, depth: 0, pagination: false })
const counts = async () => ({
  payments: (await payload.count({ collection: 'offline-payments' })).totalDocs,
  audit: (await payload.count({ collection: 'portal-audit' })).totalDocs,
  events: (await payload.count({ collection: 'portal-events' })).totalDocs,
  remittances: Number(((await (await requestDb(payload, undefined)).execute(sql`SELECT count(*) AS n FROM offline_payment_remittances`)).rows[0] as { n: unknown }).n),
})
const decide = (id: number, action: 'confirm' | 'reject', token = staffToken, body: unknown = {}) => http.rest('POST', `offline-payments/${id}/${action}`, token, body)
const listed = async (invoiceId: string, user = a.members.billing) =>
  ((await call(listGET, user, '/api/billing/invoices?limit=100')).body.data.invoices as Array<{ id: string; status: string }>).find((invoice) => invoice.id === invoiceId)
const mailsTo = (email: string, subject: RegExp) => smtp.received.filter((mail) => JSON.stringify(mail.to ?? '').includes(email) && subject.test(mail.subject ?? ''))

beforeAll(async () => {
  ;({ emulator, stripe } = await startStripeForApp())
  smtp = await startSmtpReceiver()
  process.env.SMTP_URL = smtp.url
  payload = await testPayload()
  http = await payloadHttp(payload)
  staffToken = await http.login('staff', 'staff@demo.test', 'portico-demo')
  a = await createOrganizationWithEveryRole(payload, 'offline-a')
  b = await createOrganizationWithEveryRole(payload, 'offline-b')
  aCustomer = await linkedCustomer(a)
  bCustomer = await linkedCustomer(b)
  call = routeCaller(payload)
  // Earlier files leave jobs behind; deliver them now so the mails below are ours.
  await runJobsNow(payload)
})
afterAll(async () => {
  delete process.env.SMTP_URL
  await smtp?.stop()
  await emulator?.stop()
})

describe('POST /api/billing/invoices/:id/offline-payments', () => {
  it('records a payment against an open invoice: 201, the row, its audit entry and its event, in one go', async () => {
    const invoice = await openInvoice(aCustomer)
    const response = await report(invoice.id, valid({ remittance: { name: 'advice.pdf', type: 'application/pdf', data: PDF.toString('base64') } }))
    expect(response.status).toBe(201)
    expect(response.body.data).toMatchObject({ status: 'reported', amount: 12_345, amountDue: 12_345, currency: 'usd', amountMismatch: false })
    const [record] = (await recordsOf(invoice.id)).docs
    expect(record).toMatchObject({ id: response.body.data.id, organization: a.organization.id, invoiceNumber: invoice.number, amount: 12_345, amountDue: 12_345, currency: 'usd', reference: 'WIRE-2026-0042', status: 'reported', reportedBy: a.members.billing.id, amountMismatch: false })
    expect(record!.paidOn.slice(0, 10)).toBe('2026-01-15')
    expect(record!.remittance).toBe(`/api/offline-payments/${record!.id}/remittance`)

    const audit = (await payload.find({ collection: 'portal-audit', where: { action: { equals: 'billing.offline_payment_reported' }, entityId: { equals: String(record!.id) } }, depth: 0 })).docs
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ actorKind: 'customer', actorUser: a.members.billing.id, organization: a.organization.id, entityType: 'offline-payments' })
    const events = (await payload.find({ collection: 'portal-events', where: { audit: { equals: audit[0]!.id } }, depth: 0 })).docs
    expect(events.map((event) => event.type)).toEqual(['billing.offline_payment_reported'])

    // The remittance file: staff download the exact bytes; a customer (even the reporter) gets nothing over REST.
    const asStaff = await http.rest('GET', `offline-payments/${record!.id}/remittance`, staffToken)
    expect(asStaff.status).toBe(200)
    expect(asStaff.headers.get('content-type')).toBe('application/pdf')
    expect(Buffer.from(await asStaff.arrayBuffer()).equals(PDF)).toBe(true)
    const customerToken = await http.login('users', a.members.billing.email, 'test-password-1')
    expect((await http.rest('GET', `offline-payments/${record!.id}/remittance`, customerToken)).status).toBe(404)
    const customerRead = await http.rest('GET', `offline-payments/${record!.id}`, customerToken)
    expect(customerRead.status).toBeGreaterThanOrEqual(400)
    expect(await customerRead.text()).not.toContain('WIRE-2026-0042')
    expect(await (await http.rest('GET', 'offline-payments', customerToken)).text()).not.toContain('WIRE-2026-0042')
  })

  it('flags an amount that differs from the amount due, and still records it', async () => {
    const invoice = await openInvoice(aCustomer, 50_000)
    const response = await report(invoice.id, valid({ amount: '480' }))
    expect(response.status).toBe(201)
    expect(response.body.data).toMatchObject({ amount: 48_000, amountDue: 50_000, amountMismatch: true })
    expect((await recordsOf(invoice.id)).docs[0]).toMatchObject({ amountMismatch: true, amount: 48_000 })
  })

  it('another organization’s invoice is 404 and nothing is written', async () => {
    const theirs = await openInvoice(bCustomer)
    const before = await counts()
    for (const role of ['owner', 'admin', 'billing'] as const) {
      const response = await report(theirs.id, valid(), a.members[role])
      expect(response.status, role).toBe(404)
      expect(JSON.stringify(response.body)).not.toContain(b.organization.name)
    }
    for (const id of ['in_doesNotExist123', 'cus_123', '../../v1/customers']) expect((await report(id, valid())).status, id).toBe(404)
    expect(await counts()).toEqual(before)
  })

  it('an invoice that isn’t open (paid, void) is 409; a second report while one waits is 409', async () => {
    const paid = await stripe.invoices.pay((await openInvoice(aCustomer)).id, { paid_out_of_band: true })
    const voided = await stripe.invoices.voidInvoice((await openInvoice(aCustomer)).id)
    const waiting = await openInvoice(aCustomer)
    expect((await report(waiting.id, valid())).status).toBe(201)
    const before = await counts()
    for (const invoice of [paid, voided, waiting]) {
      const response = await report(invoice.id, valid())
      expect(response.status, invoice.status!).toBe(409)
      expect(response.body.error?.code).toBe('conflict')
    }
    expect(await counts()).toEqual(before)
    // The emulator refuses to pay them as Stripe does (400), so the confirm path below can't either.
    for (const invoice of [paid, voided]) await expect(stripe.invoices.pay(invoice.id, { paid_out_of_band: true })).rejects.toMatchObject({ statusCode: 400, type: 'StripeInvalidRequestError' })
  })

  it('is for owner, admin and billing; member and viewer get 403', async () => {
    const invoice = await openInvoice(aCustomer)
    for (const role of ['member', 'viewer'] as const) expect((await report(invoice.id, valid(), a.members[role])).status, role).toBe(403)
    expect((await report(invoice.id, valid(), a.members.admin)).status).toBe(201)
  })

  it('answers bad input with field messages and writes nothing', async () => {
    const invoice = await openInvoice(aCustomer)
    const before = await counts()
    const fieldsOf = async (body: unknown) => {
      const response = await report(invoice.id, body)
      expect(response.status, JSON.stringify(body).slice(0, 200)).toBe(422)
      return response.body.error?.fields ?? {}
    }
    expect(Object.keys(await fieldsOf({}))).toEqual(expect.arrayContaining(['paidOn', 'amount', 'reference']))
    expect(await fieldsOf(valid({ paidOn: '2026-02-30' }))).toHaveProperty('paidOn')
    expect((await fieldsOf(valid({ paidOn: new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10) }))).paidOn).toMatch(/future/)
    expect((await fieldsOf(valid({ amount: '0' }))).amount).toMatch(/greater than 0/)
    expect(await fieldsOf(valid({ amount: '-5' }))).toHaveProperty('amount')
    expect((await fieldsOf(valid({ amount: '12.345' }))).amount).toMatch(/2 decimal places/)
    expect(await fieldsOf(valid({ reference: '   ' }))).toHaveProperty('reference')
    expect(await fieldsOf(valid({ reference: 'x'.repeat(141) }))).toHaveProperty('reference')
    // The file: not a PDF/PNG/JPEG by its bytes, a type claim that disagrees with them, not base64, too big.
    expect((await fieldsOf(valid({ remittance: { type: 'application/pdf', data: Buffer.from('just text').toString('base64') } }))).remittance).toMatch(/PDF, PNG or JPEG/)
    expect((await fieldsOf(valid({ remittance: { type: 'application/pdf', data: PNG.toString('base64') } }))).remittance).toMatch(/PDF, PNG or JPEG/)
    expect(await fieldsOf(valid({ remittance: { type: 'image/png', data: '!!not base64!!' } }))).toHaveProperty('remittance')
    const tooBig = Buffer.concat([PDF, Buffer.alloc(REMITTANCE_MAX_BYTES, 1)]).toString('base64')
    expect((await fieldsOf(valid({ remittance: { type: 'application/pdf', data: tooBig } }))).remittance).toMatch(/4 MB/)
    expect(await fieldsOf(valid({ remittance: 'advice.pdf' }))).toHaveProperty('remittance')
    expect(await fieldsOf(valid({ extra: 1 }))).toBeTruthy()
    expect(await counts()).toEqual(before)
    // A PNG as what it is is fine.
    expect((await report(invoice.id, valid({ remittance: { type: 'image/png', data: PNG.toString('base64') } }))).status).toBe(201)
  })
})

describe('staff decide in /admin', () => {
  it('Confirm marks the Stripe invoice paid out of band; the customer’s list shows paid; the billing contacts are emailed', async () => {
    const invoice = await openInvoice(aCustomer, 77_700)
    const { id } = (await report(invoice.id, valid({ amount: '777.00', reference: 'CHQ-000777' }))).body.data
    const response = await decide(id, 'confirm')
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ status: 'confirmed' })

    const inStripe = await stripe.invoices.retrieve(invoice.id)
    expect(inStripe).toMatchObject({ status: 'paid', amount_paid: 77_700, amount_remaining: 0 })
    expect(inStripe.status_transitions.paid_at).toBeGreaterThan(0)
    expect(emulator.events('invoice.paid').some((event) => event.data.object.id === invoice.id)).toBe(true)
    expect(await listed(invoice.id)).toMatchObject({ status: 'paid' })

    const record = await payload.findByID({ collection: 'offline-payments', id, depth: 0 })
    expect(record).toMatchObject({ status: 'confirmed' })
    expect(record.decidedBy).toBeTruthy()
    expect(record.decidedAt).toBeTruthy()
    const audit = (await payload.find({ collection: 'portal-audit', where: { action: { equals: 'billing.offline_payment_confirmed' }, entityId: { equals: String(id) } }, depth: 0 })).docs
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ actorKind: 'staff', organization: a.organization.id })

    await runJobsNow(payload)
    for (const role of ['owner', 'admin', 'billing'] as const) {
      const mails = mailsTo(a.members[role].email, /An offline payment was confirmed/)
      expect(mails, role).toHaveLength(1)
      expect(mails[0]!.text).toContain('CHQ-000777')
      expect(mails[0]!.text).toContain('$777.00')
    }
    expect(mailsTo(a.members.member.email, /offline payment/)).toHaveLength(0)

    // Decided once: a second Confirm or a Reject is 409 and Stripe sees no second payment.
    const stripeEvents = emulator.events().length
    expect((await decide(id, 'confirm')).status).toBe(409)
    expect((await decide(id, 'reject', staffToken, { reason: 'late' })).status).toBe(409)
    expect(emulator.events().length).toBe(stripeEvents)
  })

  it('Reject keeps the invoice open, emails the reason, and the customer can record again', async () => {
    const invoice = await openInvoice(aCustomer, 10_000)
    const { id } = (await report(invoice.id, valid({ amount: '100.00', reference: 'WIRE-REJ' }))).body.data
    const noReason = await decide(id, 'reject', staffToken, { reason: '  ' })
    expect(noReason.status).toBe(422)
    expect((await payload.findByID({ collection: 'offline-payments', id, depth: 0 })).status).toBe('reported')

    const response = await decide(id, 'reject', staffToken, { reason: 'No transfer with this reference reached our account.' })
    expect(response.status).toBe(200)
    expect(await payload.findByID({ collection: 'offline-payments', id, depth: 0 })).toMatchObject({ status: 'rejected', rejectionReason: 'No transfer with this reference reached our account.' })
    expect((await stripe.invoices.retrieve(invoice.id)).status).toBe('open')
    await runJobsNow(payload)
    const [mail] = mailsTo(a.members.owner.email, /An offline payment was rejected/)
    expect(mail?.text).toContain('No transfer with this reference reached our account.')
    expect((await report(invoice.id, valid({ amount: '100.00', reference: 'WIRE-REJ-2' }))).status).toBe(201)
  })

  it('a customer cannot confirm or reject (403), whatever their role; the record and Stripe are unchanged', async () => {
    const invoice = await openInvoice(aCustomer)
    const { id } = (await report(invoice.id, valid())).body.data
    for (const role of ['owner', 'billing'] as const) {
      const token = await http.login('users', a.members[role].email, 'test-password-1')
      expect((await decide(id, 'confirm', token)).status, role).toBe(403)
      expect((await decide(id, 'reject', token, { reason: 'x' })).status, role).toBe(403)
      // Nor through Payload's own update.
      expect((await http.rest('PATCH', `offline-payments/${id}`, token, { status: 'confirmed' })).status).toBeGreaterThanOrEqual(400)
    }
    expect((await payload.findByID({ collection: 'offline-payments', id, depth: 0 })).status).toBe('reported')
    expect((await stripe.invoices.retrieve(invoice.id)).status).toBe('open')
    expect((await decide(999_999, 'confirm')).status).toBe(404)
    expect((await decide(Number.NaN, 'confirm')).status).toBe(404)
  })

  it('an invoice paid another way meanwhile: Stripe refuses the Confirm, staff get 409 with its reason, the record still waits', async () => {
    const invoice = await openInvoice(aCustomer)
    const { id } = (await report(invoice.id, valid())).body.data
    await stripe.invoices.pay(invoice.id, { paid_out_of_band: true })
    const before = await counts()
    const response = await decide(id, 'confirm')
    expect(response.status).toBe(409)
    expect(((await response.json()) as { error: string }).error).toMatch(/Stripe refused to mark the invoice paid: .*paid/i)
    expect((await payload.findByID({ collection: 'offline-payments', id, depth: 0 })).status).toBe('reported')
    expect(await counts()).toEqual(before)
    // Staff can still reject it, with the reason the customer reads.
    expect((await decide(id, 'reject', staffToken, { reason: 'Paid by card on the same day; this transfer will be refunded.' })).status).toBe(200)
  })

  it('Stripe down during Confirm: 503 and nothing changes here', async () => {
    const invoice = await openInvoice(aCustomer)
    const { id } = (await report(invoice.id, valid())).body.data
    const before = await counts()
    await emulator.stop()
    const response = await decide(id, 'confirm')
    expect(response.status).toBe(503)
    expect(await payload.findByID({ collection: 'offline-payments', id, depth: 0 })).toMatchObject({ status: 'reported', decidedAt: null })
    expect(await counts()).toEqual(before)
  }, 60_000)
})
