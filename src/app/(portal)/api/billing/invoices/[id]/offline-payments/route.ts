import { OfflinePaymentInput } from '@/billing/offline-payments/offline-payment-input'
import { reportOfflinePayment } from '@/billing/offline-payments/report-offline-payment'
import { getStripe } from '@/billing/stripe'
import { portalRoute } from '@/lib/api/portal-route'

/**
 * POST /api/billing/invoices/:id/offline-payments — `{ paidOn, amount, reference, remittance? }`
 * (remittance `{ name?, type, data }` with the file as base64): records a wire or cheque against one
 * of the organization's open invoices for staff to confirm. 201 with the record; 404 for an invoice
 * that isn't theirs, 409 when it isn't open or a record already waits, 422 naming each bad field.
 */
export const POST = portalRoute({ screen: 'invoices', action: 'invoices.report_offline_payment', schema: OfflinePaymentInput }, async ({ payload, user, actor, organization, params, body }) => {
  const recorded = await reportOfflinePayment(payload, { stripe: getStripe(), user, organizationId: organization.id, invoiceId: params.id, input: body, actor, now: new Date() })
  return Response.json({ success: true, data: recorded }, { status: 201, headers: { 'Cache-Control': 'no-store' } })
})
