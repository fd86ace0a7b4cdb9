import { InvoiceListQuery } from '@/billing/invoices/invoice-query'
import { listInvoices } from '@/billing/invoices/list-invoices'
import { organizationStripeCustomer } from '@/billing/invoices/organization-stripe-customer'
import { getStripe } from '@/billing/stripe'
import { portalRoute } from '@/lib/api/portal-route'

/** GET /api/billing/invoices — the organization's invoices, newest first, filtered, a page at a time (Stripe's cursor). */
export const GET = portalRoute({ screen: 'invoices', action: 'invoices.read', schema: InvoiceListQuery }, async ({ payload, user, organization, body }) => {
  const { cursor, limit, ...filters } = body
  return listInvoices(getStripe(), { customerId: await organizationStripeCustomer(payload, user, organization.id), filters, cursor, limit, now: new Date() })
})
