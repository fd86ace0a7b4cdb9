import type { IncomingMessage, ServerResponse } from 'node:http'

import { readBody } from '../api-handler'
import type { EmulatorContext } from '../context'
import { renderInvoicePdf } from '../invoice-pdf'
import { StripeError } from '../stripe-error'
import type { StripeObject } from '../store'
import { allowedPrices, cancel, changeCard, switchPlan } from './portal-actions'
import { renderPortalPage, returnUrlOf } from './render-portal-page'

/**
 * The pages a browser opens without an API key, as on Stripe: the portal session page and the
 * invoice links (`hosted_invoice_url`, `invoice_pdf`). Returns false for any other path.
 */
export async function handlePublicRoute(context: EmulatorContext, request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean> {
  const session = /^\/p\/session\/([\w-]+)$/.exec(url.pathname)
  if (session?.[1]) {
    await portalSession(context, request, response, session[1])
    return true
  }
  const invoice = /^\/invoice\/(in_[\w]+)(\/pdf)?$/.exec(url.pathname)
  if (invoice?.[1] && request.method === 'GET') {
    const found = context.store.getOfType('invoice', invoice[1])
    if (!found || found.status === 'draft') {
      notFound(response)
    } else if (invoice[2]) {
      const pdf = renderInvoicePdf(found)
      response.writeHead(200, { 'content-type': 'application/pdf', 'content-length': pdf.length, 'content-disposition': `inline; filename="Invoice-${found.number}.pdf"` })
      response.end(pdf)
    } else {
      response.writeHead(303, { location: `/invoice/${found.id}/pdf` })
      response.end()
    }
    return true
  }
  return false
}

async function portalSession(context: EmulatorContext, request: IncomingMessage, response: ServerResponse, id: string): Promise<void> {
  const session = context.store.getOfType('billing_portal.session', id)
  if (!session) return notFound(response)
  if (request.method === 'GET') return page(context, response, session, 200, null)
  if (request.method !== 'POST') {
    response.writeHead(405, { allow: 'GET, POST' })
    response.end()
    return
  }
  const form = new URLSearchParams(await readBody(request))
  try {
    const action = form.get('action')
    if (action === 'update_card') changeCard(context, session, { number: form.get('card_number') ?? '', expiry: form.get('exp') ?? '' })
    else if (action === 'switch_plan') switchPlan(context, session, form.get('subscription') ?? '', form.get('price') ?? '')
    else if (action === 'cancel') cancel(context, session, form.get('subscription') ?? '')
    else throw new StripeError(400, 'invalid_request_error', 'Unknown action.')
    context.store.save()
  } catch (error) {
    if (!(error instanceof StripeError)) throw error
    return page(context, response, session, error.status === 402 ? 402 : 400, error.message)
  }
  const customMessage = session.flow?.after_completion?.type === 'hosted_confirmation' ? (session.flow.after_completion.hosted_confirmation?.custom_message ?? 'Done. Your changes are saved.') : null
  if (customMessage) return page(context, response, session, 200, null, customMessage)
  response.writeHead(303, { location: returnUrlOf(session) })
  response.end()
}

function page(context: EmulatorContext, response: ServerResponse, session: StripeObject, status: number, error: string | null, confirmation: string | null = null): void {
  const { store } = context
  const configuration = store.getOfType('billing_portal.configuration', session.configuration)
  const customer = store.getOfType('customer', session.customer)
  if (!configuration || !customer) return notFound(response)
  const flowSubscription = session.flow?.subscription_update?.subscription ?? session.flow?.subscription_cancel?.subscription ?? session.flow?.subscription_update_confirm?.subscription
  const subscription = flowSubscription
    ? (store.getOfType('subscription', flowSubscription) ?? null)
    : (store.list('subscription', (s) => s.customer === customer.id && s.status !== 'canceled')[0] ?? null)
  const prices = allowedPrices(configuration).flatMap((price) => store.getOfType('price', price) ?? [])
  const productNames = Object.fromEntries(store.list('product').map((product) => [product.id, product.name as string]))
  const defaultCard = customer.invoice_settings?.default_payment_method
  const html = renderPortalPage({
    session,
    configuration,
    customer,
    card: defaultCard ? (store.getOfType('payment_method', defaultCard) ?? null) : null,
    subscription,
    prices,
    productNames,
    invoices: store.list('invoice', (invoice) => invoice.customer === customer.id && invoice.status !== 'draft').sort((a, b) => b.created - a.created),
    error,
    confirmation,
  })
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' })
  response.end(html)
}

function notFound(response: ServerResponse): void {
  response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
  response.end('Not found (local Stripe emulator)')
}
