import type { StripeObject } from '../store'
import { formatMoney } from '../money'

export type PortalView = {
  session: StripeObject
  configuration: StripeObject
  customer: StripeObject
  card: StripeObject | null
  subscription: StripeObject | null
  prices: StripeObject[]
  productNames: Record<string, string>
  invoices: StripeObject[]
  error: string | null
  confirmation: string | null
}

const escapeHtml = (value: unknown) =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c)

/**
 * The emulator's stand-in for Stripe's hosted Customer Portal: plain HTML forms (labelled, in tab
 * order, usable without a mouse or JavaScript) under a banner that says it is a local test page.
 * A `flow_data` session shows only its step; otherwise every feature the configuration enables.
 */
export function renderPortalPage(view: PortalView): string {
  const { session, configuration, error, confirmation } = view
  const flow: string | null = session.flow?.type ?? null
  const features = configuration.features
  const show = (feature: 'payment_method_update' | 'subscription_update' | 'subscription_cancel' | 'invoice_history') =>
    features[feature].enabled && (!flow || flow === feature || (feature === 'subscription_update' && flow === 'subscription_update_confirm'))
  const business = configuration.business_profile?.headline ?? 'Portico'
  const body = confirmation
    ? `<p role="status">${escapeHtml(confirmation)}</p>`
    : [
        error ? `<p role="alert" class="error" id="portal-error">${escapeHtml(error)}</p>` : '',
        show('payment_method_update') ? cardSection(view) : '',
        show('subscription_update') && view.subscription ? planSection(view) : '',
        show('subscription_cancel') && view.subscription ? cancelSection(view) : '',
        show('invoice_history') && !flow ? invoiceSection(view) : '',
      ].join('\n')
  return `<!doctype html>
<html lang="${escapeHtml(session.locale && session.locale !== 'auto' ? session.locale : 'en')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Billing — ${escapeHtml(business)} (local Stripe emulator)</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 0 auto; padding: 0 1rem 3rem; color: #1a1a1a; }
.banner { background: #fff3cd; border: 2px solid #8a6d00; padding: .75rem 1rem; margin: 1rem 0; font-weight: 600; }
fieldset { border: 1px solid #999; margin: 1.5rem 0; padding: 1rem; }
legend { font-weight: 700; padding: 0 .25rem; }
label { display: block; margin: .5rem 0 .25rem; }
input, select { font: inherit; padding: .4rem; border: 1px solid #555; }
button { font: inherit; padding: .5rem 1rem; margin-top: .75rem; cursor: pointer; }
:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
.error { color: #a00; border-left: 4px solid #a00; padding-left: .5rem; }
.hint { font-size: .875rem; color: #444; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
</style>
</head>
<body>
<div class="banner" role="note">Local Stripe emulator — test mode. No real card is charged; use Stripe test card numbers.</div>
<main>
<h1>${escapeHtml(business)} billing</h1>
<p>Signed in as ${escapeHtml(view.customer.name ?? view.customer.email ?? view.customer.id)}.</p>
${body}
<p><a href="${escapeHtml(returnUrlOf(session))}">Return to ${escapeHtml(business)}</a></p>
</main>
</body>
</html>`
}

export function returnUrlOf(session: StripeObject): string {
  return session.flow?.after_completion?.redirect?.return_url ?? session.return_url
}

function cardSection({ card, session }: PortalView): string {
  const current = card ? `${card.card.brand} ending in ${card.card.last4}, expires ${String(card.card.exp_month).padStart(2, '0')}/${card.card.exp_year}` : 'No card on file.'
  return `<form method="post" action="/p/session/${escapeHtml(session.id)}">
<fieldset>
<legend>Payment method</legend>
<p>Current card: <strong>${escapeHtml(current)}</strong></p>
<input type="hidden" name="action" value="update_card">
<label for="card-number">Card number</label>
<input id="card-number" name="card_number" inputmode="numeric" autocomplete="cc-number" required aria-describedby="card-hint">
<p class="hint" id="card-hint">Test cards: 4242 4242 4242 4242 (Visa), 5555 5555 5555 4444 (Mastercard), 4000 0000 0000 0002 (declined).</p>
<label for="card-expiry">Expiry (MM/YY)</label>
<input id="card-expiry" name="exp" autocomplete="cc-exp" placeholder="12/34" required>
<label for="card-cvc">CVC</label>
<input id="card-cvc" name="cvc" inputmode="numeric" autocomplete="cc-csc" maxlength="4" required>
<div><button type="submit">Save card</button></div>
</fieldset>
</form>`
}

function planSection({ subscription, prices, productNames, session }: PortalView): string {
  const currentPrice = subscription?.items.data[0]?.price.id
  const options = prices
    .map((price) => {
      const label = `${productNames[price.product] ?? price.product} — ${formatMoney(price.unit_amount, price.currency)} / ${price.recurring?.interval ?? 'once'}`
      return `<option value="${escapeHtml(price.id)}"${price.id === currentPrice ? ' selected' : ''}>${escapeHtml(label)}${price.id === currentPrice ? ' (current)' : ''}</option>`
    })
    .join('')
  return `<form method="post" action="/p/session/${escapeHtml(session.id)}">
<fieldset>
<legend>Plan</legend>
<input type="hidden" name="action" value="switch_plan">
<input type="hidden" name="subscription" value="${escapeHtml(subscription?.id)}">
<label for="plan-price">Choose a plan</label>
<select id="plan-price" name="price">${options}</select>
<div><button type="submit">Switch plan</button></div>
</fieldset>
</form>`
}

function cancelSection({ subscription, configuration, session }: PortalView): string {
  const atPeriodEnd = configuration.features.subscription_cancel.mode === 'at_period_end'
  if (subscription?.cancel_at_period_end) return `<p>Your subscription ends on ${new Date((subscription.cancel_at ?? 0) * 1000).toISOString().slice(0, 10)}.</p>`
  return `<form method="post" action="/p/session/${escapeHtml(session.id)}">
<fieldset>
<legend>Cancel subscription</legend>
<input type="hidden" name="action" value="cancel">
<input type="hidden" name="subscription" value="${escapeHtml(subscription?.id)}">
<p>${atPeriodEnd ? 'Your plan stays active until the end of the current billing period.' : 'Your plan ends immediately.'}</p>
<div><button type="submit">Cancel subscription</button></div>
</fieldset>
</form>`
}

function invoiceSection({ invoices }: PortalView): string {
  const rows = invoices
    .map((invoice) => `<tr><td>${escapeHtml(invoice.number)}</td><td>${new Date(invoice.created * 1000).toISOString().slice(0, 10)}</td><td>${escapeHtml(formatMoney(invoice.total, invoice.currency))}</td><td>${escapeHtml(invoice.status)}</td><td><a href="${escapeHtml(invoice.invoice_pdf)}">PDF<span class="visually-hidden"> for ${escapeHtml(invoice.number)}</span></a></td></tr>`)
    .join('')
  return `<section aria-labelledby="invoice-history"><h2 id="invoice-history">Invoice history</h2>
<table><thead><tr><th scope="col">Number</th><th scope="col">Date</th><th scope="col">Total</th><th scope="col">Status</th><th scope="col">Download</th></tr></thead><tbody>${rows}</tbody></table></section>`
}
