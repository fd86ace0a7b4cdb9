import { invoiceArchive } from '@/billing/invoices/invoice-archive'
import { attachment } from '@/billing/invoices/invoice-file-name'
import { InvoiceArchiveQuery } from '@/billing/invoices/invoice-query'
import { organizationStripeCustomer } from '@/billing/invoices/organization-stripe-customer'
import { getStripe } from '@/billing/stripe'
import { portalRoute } from '@/lib/api/portal-route'

/** GET /api/billing/invoices/archive.zip?from=&to=[&status=] — the range's invoice PDFs and invoices.csv, streamed as one ZIP. */
export const GET = portalRoute({ screen: 'invoices', action: 'invoices.read', schema: InvoiceArchiveQuery }, async ({ payload, user, organization, body }) => {
  const archive = await invoiceArchive(getStripe(), { customerId: await organizationStripeCustomer(payload, user, organization.id), filters: body, now: new Date() })
  return new Response(archive, {
    headers: { 'Content-Type': 'application/zip', 'Content-Disposition': attachment(`invoices-${body.from}-to-${body.to}.zip`), 'Cache-Control': 'private, no-store' },
  })
})
