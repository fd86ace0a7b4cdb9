import { fetchInvoicePdf } from '@/billing/invoices/fetch-invoice-pdf'
import { findOrganizationInvoice } from '@/billing/invoices/find-organization-invoice'
import { attachment, invoiceFileName } from '@/billing/invoices/invoice-file-name'
import { organizationStripeCustomer } from '@/billing/invoices/organization-stripe-customer'
import { getStripe } from '@/billing/stripe'
import { portalRoute } from '@/lib/api/portal-route'

/** GET /api/billing/invoices/:id/pdf — one of the organization's invoices as Stripe's PDF, streamed through; any other id is 404. */
export const GET = portalRoute({ screen: 'invoices', action: 'invoices.read' }, async ({ payload, user, organization, params }) => {
  const stripe = getStripe()
  const invoice = await findOrganizationInvoice(stripe, await organizationStripeCustomer(payload, user, organization.id), params.id)
  return new Response(await fetchInvoicePdf(invoice), {
    headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': attachment(invoiceFileName(invoice)), 'Cache-Control': 'private, no-store' },
  })
})
