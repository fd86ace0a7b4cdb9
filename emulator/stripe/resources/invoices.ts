import { previousAttributes, type EmulatorContext } from '../context'
import { createdFilter, paginate, rangeFilter } from '../list'
import { Params } from '../params'
import type { Router } from '../router'
import { invalidRequest } from '../stripe-error'
import type { StripeObject } from '../store'
import { addInvoiceLine, draftInvoice, finalizeInvoice, payInvoice, voidInvoice } from './invoice-lifecycle'
import { requireObject } from './shared'

const invoiceStatuses = ['draft', 'open', 'paid', 'uncollectible', 'void'] as const

export function invoiceRoutes(router: Router, context: EmulatorContext): void {
  const { store } = context
  const load = (id: string | undefined) => requireObject(store, 'invoice', id ?? '', 'invoice')

  router.post('/v1/invoices', (request) => {
    const params = new Params(request.body, [
      'customer', 'subscription', 'description', 'metadata', 'collection_method', 'days_until_due', 'auto_advance', 'pending_invoice_items_behavior', 'footer', 'currency',
    ])
    const customer = requireObject(store, 'customer', params.requiredString('customer'), 'customer')
    const subscriptionId = params.string('subscription')
    const collectionMethod = params.oneOf('collection_method', ['charge_automatically', 'send_invoice'])
    const daysUntilDue = params.int('days_until_due')
    if (collectionMethod === 'send_invoice' && daysUntilDue === undefined) throw invalidRequest('Missing required param: days_until_due.', 'days_until_due', 'parameter_missing')
    const invoice = draftInvoice(context, customer, {
      subscription: subscriptionId ? requireObject(store, 'subscription', subscriptionId, 'subscription') : null,
      billingReason: 'manual',
      collectionMethod,
      daysUntilDue,
      description: params.nullableString('description'),
      metadata: params.metadata(),
      autoAdvance: params.bool('auto_advance'),
      footer: params.nullableString('footer'),
    })
    // Since API 2022-08-01 pending invoice items stay pending unless asked for.
    if (params.oneOf('pending_invoice_items_behavior', ['include', 'exclude']) === 'include') {
      for (const item of store.list('invoiceitem', (entry) => entry.customer === customer.id && entry.invoice === null).reverse()) {
        addInvoiceLine(context, invoice, { amount: item.amount, description: item.description, quantity: item.quantity, period: item.period, price: null, invoiceItem: item.id })
        store.put({ ...item, invoice: invoice.id })
      }
    }
    context.emit(request, 'invoice.created', invoice)
    return invoice
  })

  router.get('/v1/invoices/:id', (request) => {
    new Params(request.body, [])
    return load(request.pathParams.id)
  })

  router.post('/v1/invoices/:id', (request) => {
    const params = new Params(request.body, ['description', 'metadata', 'footer', 'auto_advance', 'default_payment_method'])
    const before = load(request.pathParams.id)
    const invoice = structuredClone(before)
    invoice.metadata = params.metadata(invoice.metadata)
    if (invoice.status === 'draft') {
      for (const field of ['description', 'footer', 'default_payment_method'] as const) {
        const value = params.nullableString(field)
        if (value !== undefined) invoice[field] = value
      }
    } else if (params.has('description') || params.has('footer')) {
      throw invalidRequest('Finalized invoices can only have their metadata changed.', params.has('description') ? 'description' : 'footer', 'invoice_not_editable')
    }
    invoice.auto_advance = params.bool('auto_advance') ?? invoice.auto_advance
    store.put(invoice)
    context.emit(request, 'invoice.updated', invoice, previousAttributes(before, invoice))
    return invoice
  })

  router.delete('/v1/invoices/:id', (request) => {
    new Params(request.body, [])
    const invoice = load(request.pathParams.id)
    if (invoice.status !== 'draft') throw invalidRequest('You can only delete draft invoices.', 'invoice', 'invoice_not_editable')
    store.remove(invoice.id)
    context.emit(request, 'invoice.deleted', invoice)
    return { id: invoice.id, object: 'invoice', deleted: true }
  })

  router.post('/v1/invoices/:id/finalize', (request) => {
    new Params(request.body, ['auto_advance'])
    return finalizeInvoice(context, request, load(request.pathParams.id))
  })

  router.post('/v1/invoices/:id/pay', (request) => {
    const params = new Params(request.body, ['paid_out_of_band', 'payment_method', 'forgive', 'off_session', 'source'])
    return payInvoice(context, request, load(request.pathParams.id), { paidOutOfBand: params.bool('paid_out_of_band'), paymentMethod: params.string('payment_method') })
  })

  router.post('/v1/invoices/:id/void', (request) => {
    new Params(request.body, [])
    return voidInvoice(context, request, load(request.pathParams.id))
  })

  router.post('/v1/invoices/:id/mark_uncollectible', (request) => {
    new Params(request.body, [])
    const invoice = load(request.pathParams.id)
    if (invoice.status !== 'open') throw invalidRequest('You can only mark open invoices as uncollectible.', 'invoice', 'invoice_not_editable')
    Object.assign(invoice, { status: 'uncollectible', status_transitions: { ...invoice.status_transitions, marked_uncollectible_at: context.now(invoice.customer) } })
    store.put(invoice)
    context.emit(request, 'invoice.marked_uncollectible', invoice)
    return invoice
  })

  router.get('/v1/invoices/:id/lines', (request) => {
    const params = new Params(request.body, ['limit', 'starting_after', 'ending_before'])
    const invoice = load(request.pathParams.id)
    // Lines are stored oldest first (invoice order); paginate expects its list newest first.
    return paginate([...invoice.lines.data].reverse(), params, `/v1/invoices/${invoice.id}/lines`)
  })

  router.get('/v1/invoices', (request) => {
    const params = new Params(request.body, ['customer', 'subscription', 'status', 'collection_method', 'created', 'due_date', 'limit', 'starting_after', 'ending_before'])
    const customer = params.string('customer')
    const subscription = params.string('subscription')
    const status = params.oneOf('status', invoiceStatuses)
    const created = createdFilter(params)
    const dueDate = rangeFilter(params, 'due_date')
    const collectionMethod = params.oneOf('collection_method', ['charge_automatically', 'send_invoice'])
    const invoices = store
      .list(
        'invoice',
        (invoice) =>
          (!customer || invoice.customer === customer) &&
          (!subscription || invoice.subscription === subscription) &&
          (!status || invoice.status === status) &&
          (!collectionMethod || invoice.collection_method === collectionMethod) &&
          created(invoice) &&
          dueDate(invoice),
      )
      // Test-clock invoices are backdated; Stripe lists by `created`, newest first.
      .sort((a, b) => b.created - a.created)
    return paginate(invoices, params, '/v1/invoices')
  })

  router.post('/v1/invoiceitems', (request) => {
    const params = new Params(request.body, ['customer', 'invoice', 'amount', 'currency', 'description', 'quantity', 'period', 'metadata', 'pricing', 'subscription'])
    const customer = requireObject(store, 'customer', params.requiredString('customer'), 'customer')
    const invoiceId = params.string('invoice') ?? null
    const invoice = invoiceId ? load(invoiceId) : null
    const amount = params.int('amount')
    if (amount === undefined) throw invalidRequest('Missing required param: amount.', 'amount', 'parameter_missing')
    const now = context.now(customer.id)
    const period = params.object('period', ['start', 'end'])
    const item: StripeObject = {
      id: store.newId('ii'),
      object: 'invoiceitem',
      amount,
      currency: (params.string('currency') ?? 'usd').toLowerCase(),
      customer: customer.id,
      date: now,
      description: params.nullableString('description') ?? null,
      discountable: true,
      discounts: [],
      invoice: invoiceId,
      livemode: false,
      metadata: params.metadata(),
      parent: null,
      period: { start: period?.int('start') ?? now, end: period?.int('end') ?? now },
      pricing: null,
      proration: false,
      quantity: params.int('quantity') ?? 1,
      tax_rates: [],
      test_clock: customer.test_clock ?? null,
    }
    store.put(item)
    if (invoice) addInvoiceLine(context, invoice, { amount, description: item.description ?? '', quantity: item.quantity, period: item.period, price: null, invoiceItem: item.id })
    context.emit(request, 'invoiceitem.created', item)
    return item
  })
}
