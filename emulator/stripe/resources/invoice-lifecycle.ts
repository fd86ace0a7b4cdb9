import type { ApiRequest, EmulatorContext } from '../context'
import { embeddedList } from '../list'
import { StripeError, cardDeclined, invalidRequest } from '../stripe-error'
import type { StripeObject } from '../store'
import { cardFor } from './payment-methods'
import { requireObject } from './shared'

type NewInvoice = {
  subscription?: StripeObject | null
  billingReason: 'manual' | 'subscription_create' | 'subscription_cycle' | 'subscription_update'
  collectionMethod?: 'charge_automatically' | 'send_invoice'
  daysUntilDue?: number | null
  description?: string | null
  metadata?: Record<string, string>
  periodStart?: number
  periodEnd?: number
  autoAdvance?: boolean
  footer?: string | null
}

/** A draft invoice for a customer, with the customer's details copied on as Stripe snapshots them. */
export function draftInvoice(context: EmulatorContext, customer: StripeObject, options: NewInvoice): StripeObject {
  const now = context.now(customer.id)
  const id = context.store.newId('in')
  const collectionMethod = options.collectionMethod ?? 'charge_automatically'
  const subscription = options.subscription ?? null
  const invoice: StripeObject = {
    id,
    object: 'invoice',
    account_country: 'US',
    account_name: 'Portico (local Stripe emulator)',
    account_tax_ids: null,
    amount_due: 0,
    amount_paid: 0,
    amount_remaining: 0,
    amount_shipping: 0,
    application: null,
    attempt_count: 0,
    attempted: false,
    auto_advance: options.autoAdvance ?? false,
    automatic_tax: { enabled: false, liability: null, status: null, disabled_reason: null, provider: null },
    billing_reason: options.billingReason,
    collection_method: collectionMethod,
    created: now,
    currency: 'usd',
    custom_fields: null,
    customer: customer.id,
    ...customerDetails(context, customer),
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: options.description ?? null,
    discounts: [],
    due_date: collectionMethod === 'send_invoice' ? now + (options.daysUntilDue ?? 30) * 86_400 : null,
    effective_at: null,
    ending_balance: null,
    footer: options.footer ?? customer.invoice_settings?.footer ?? null,
    from_invoice: null,
    hosted_invoice_url: null,
    invoice_pdf: null,
    issuer: { type: 'self' },
    last_finalization_error: null,
    latest_revision: null,
    lines: embeddedList([], `/v1/invoices/${id}/lines`),
    livemode: false,
    metadata: options.metadata ?? {},
    next_payment_attempt: null,
    number: null,
    on_behalf_of: null,
    payment_settings: { default_mandate: null, payment_method_options: null, payment_method_types: null },
    period_end: options.periodEnd ?? now,
    period_start: options.periodStart ?? now,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: 0,
    statement_descriptor: null,
    status: 'draft',
    status_transitions: { finalized_at: null, marked_uncollectible_at: null, paid_at: null, voided_at: null },
    // Removed from the invoice in API 2025-03-31 in favour of `parent`, but still in Stripe's fixtures.
    subscription: subscription?.id ?? null,
    subtotal: 0,
    subtotal_excluding_tax: 0,
    test_clock: customer.test_clock ?? null,
    total: 0,
    total_discount_amounts: [],
    total_excluding_tax: 0,
    webhooks_delivered_at: now,
    automatically_finalizes_at: null,
    total_pretax_credit_amounts: [],
    total_taxes: [],
    amount_overpaid: 0,
    parent: subscription
      ? { quote_details: null, subscription_details: { metadata: subscription.metadata, subscription: subscription.id }, type: 'subscription_details' }
      : null,
    customer_account: null,
  }
  context.store.put(invoice)
  return invoice
}

type NewLine = {
  amount: number
  description: string
  quantity: number
  period: { start: number; end: number }
  price: StripeObject | null
  invoiceItem?: string | null
  subscriptionItem?: { subscription: string; id: string } | null
  metadata?: Record<string, string>
  /** The unit amount this line was priced at, when the price has none of its own (a tier of a tiered price). */
  unitAmountDecimal?: string
}

/** Appends a line and recomputes the totals (no tax or discounts in the emulator). */
export function addInvoiceLine(context: EmulatorContext, invoice: StripeObject, line: NewLine): void {
  if (invoice.status !== 'draft') throw invalidRequest(`You can only add lines to a draft invoice; ${invoice.id} is ${invoice.status}.`, 'invoice')
  const subscriptionItem = line.subscriptionItem ?? null
  invoice.lines.data.push({
    id: context.store.newId('il'),
    object: 'line_item',
    amount: line.amount,
    currency: invoice.currency,
    description: line.description,
    discount_amounts: [],
    discountable: true,
    discounts: [],
    invoice: invoice.id,
    livemode: false,
    metadata: line.metadata ?? {},
    period: line.period,
    quantity: line.quantity,
    subscription: subscriptionItem?.subscription ?? null,
    pretax_credit_amounts: [],
    taxes: [],
    parent: subscriptionItem
      ? {
          invoice_item_details: null,
          subscription_item_details: {
            invoice_item: null,
            proration: false,
            proration_details: { credited_items: null },
            subscription: subscriptionItem.subscription,
            subscription_item: subscriptionItem.id,
          },
          type: 'subscription_item_details',
        }
      : {
          invoice_item_details: { invoice_item: line.invoiceItem ?? null, proration: false, proration_details: { credited_items: null }, subscription: null },
          subscription_item_details: null,
          type: 'invoice_item_details',
        },
    pricing: line.price
      ? { price_details: { price: line.price.id, product: line.price.product }, type: 'price_details', unit_amount_decimal: line.unitAmountDecimal ?? line.price.unit_amount_decimal ?? String(line.price.unit_amount) }
      : { price_details: null, type: 'price_details', unit_amount_decimal: String(Math.round(line.amount / line.quantity)) },
    subtotal: line.amount,
    quantity_decimal: String(line.quantity),
  })
  const total = invoice.lines.data.reduce((sum: number, entry: StripeObject) => sum + (entry.amount as number), 0)
  Object.assign(invoice, { subtotal: total, subtotal_excluding_tax: total, total, total_excluding_tax: total, amount_due: total, amount_remaining: total })
  context.store.put(invoice)
}

/**
 * The customer's details as an invoice carries them. As on Stripe, a draft follows the customer and
 * finalizing fixes them: a renamed company is on every invoice finalized after the change, and on
 * none before it.
 */
function customerDetails(context: EmulatorContext, customer: StripeObject) {
  return {
    customer_address: customer.address,
    customer_email: customer.email,
    customer_name: customer.name,
    customer_phone: customer.phone,
    customer_shipping: customer.shipping,
    customer_tax_exempt: customer.tax_exempt,
    customer_tax_ids: context.store.list('tax_id', (taxId) => taxId.customer === customer.id).map((taxId) => ({ type: taxId.type, value: taxId.value })),
  }
}

/** draft → open: a number from the customer's sequence, the hosted page and PDF links. $0 invoices are paid at once. */
export function finalizeInvoice(context: EmulatorContext, request: ApiRequest | null, invoice: StripeObject): StripeObject {
  if (invoice.status !== 'draft') throw invalidRequest(`This invoice is already finalized, you can't re-finalize a non-draft invoice.`, 'invoice', 'invoice_not_editable')
  const customer = requireObject(context.store, 'customer', invoice.customer, 'customer')
  const now = context.now(customer.id)
  invoice.number = `${customer.invoice_prefix}-${String(customer.next_invoice_sequence).padStart(4, '0')}`
  context.store.put({ ...customer, next_invoice_sequence: customer.next_invoice_sequence + 1 })
  Object.assign(invoice, {
    ...customerDetails(context, customer),
    status: 'open',
    effective_at: now,
    ending_balance: 0,
    hosted_invoice_url: `${context.baseUrl}/invoice/${invoice.id}`,
    invoice_pdf: `${context.baseUrl}/invoice/${invoice.id}/pdf`,
    next_payment_attempt: invoice.collection_method === 'charge_automatically' ? now : null,
    status_transitions: { ...invoice.status_transitions, finalized_at: now },
  })
  context.store.put(invoice)
  context.emit(request, 'invoice.finalized', invoice)
  if (invoice.amount_due === 0) return markPaid(context, request, invoice, false)
  return invoice
}

/**
 * `POST /v1/invoices/:id/pay`. Out of band (a wire or cheque the customer recorded) just marks it
 * paid; otherwise the default card is charged and a decline is a 402 `card_error` after
 * `invoice.payment_failed`, as on Stripe.
 */
export function payInvoice(context: EmulatorContext, request: ApiRequest | null, invoice: StripeObject, options: { paidOutOfBand?: boolean; paymentMethod?: string }): StripeObject {
  if (invoice.status === 'draft') finalizeInvoice(context, request, invoice)
  if (invoice.status === 'paid') throw invalidRequest('Invoice is already paid', 'invoice', 'invoice_already_paid')
  if (invoice.status !== 'open') throw invalidRequest(`You cannot pay an invoice with status ${invoice.status}.`, 'invoice', 'invoice_not_editable')
  if (options.paidOutOfBand) return markPaid(context, request, invoice, true)

  const paymentMethodId = options.paymentMethod ?? defaultPaymentMethodFor(context, invoice)
  if (!paymentMethodId) {
    throw invalidRequest('This customer has no attached payment source or default payment method. Please consider adding a default payment method.')
  }
  const paymentMethod = requireObject(context.store, 'payment_method', paymentMethodId, 'payment_method', 'PaymentMethod')
  const decline = cardFor(paymentMethod)?.decline
  invoice.attempt_count += 1
  invoice.attempted = true
  if (decline) {
    invoice.next_payment_attempt = null
    context.store.put(invoice)
    context.emit(request, 'invoice.payment_failed', invoice)
    throw cardDeclined(decline.code, decline.message)
  }
  invoice.default_payment_method = options.paymentMethod ?? invoice.default_payment_method
  return markPaid(context, request, invoice, false)
}

export function defaultPaymentMethodFor(context: EmulatorContext, invoice: StripeObject): string | null {
  const subscription = invoice.subscription ? context.store.getOfType('subscription', invoice.subscription) : undefined
  const customer = context.store.getOfType('customer', invoice.customer)
  return invoice.default_payment_method ?? subscription?.default_payment_method ?? customer?.invoice_settings?.default_payment_method ?? null
}

function markPaid(context: EmulatorContext, request: ApiRequest | null, invoice: StripeObject, outOfBand: boolean): StripeObject {
  const now = context.now(invoice.customer)
  Object.assign(invoice, {
    status: 'paid',
    amount_paid: invoice.amount_due,
    amount_remaining: 0,
    next_payment_attempt: null,
    status_transitions: { ...invoice.status_transitions, paid_at: now },
  })
  context.store.put(invoice)
  context.emit(request, 'invoice.paid', invoice)
  if (!outOfBand) context.emit(request, 'invoice.payment_succeeded', invoice)
  return invoice
}

export function voidInvoice(context: EmulatorContext, request: ApiRequest, invoice: StripeObject): StripeObject {
  if (invoice.status !== 'open' && invoice.status !== 'uncollectible') {
    throw new StripeError(400, 'invalid_request_error', `You can only void open or uncollectible invoices; ${invoice.id} is ${invoice.status}.`, 'invoice_not_editable', 'invoice')
  }
  Object.assign(invoice, { status: 'void', amount_remaining: 0, status_transitions: { ...invoice.status_transitions, voided_at: context.now(invoice.customer) } })
  context.store.put(invoice)
  context.emit(request, 'invoice.voided', invoice)
  return invoice
}
