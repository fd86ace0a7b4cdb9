import type Stripe from 'stripe'

import { PortalError } from '../../lib/api/portal-error'
import { t } from '../../i18n/t'
import { stripeTarget, type StripeTarget } from '../stripe'

/**
 * Whether a URL is one Stripe serves invoice files from: https on stripe.com (`pay.stripe.com`,
 * redirecting to `files.stripe.com`), or the local emulator's own origin. The URL comes from
 * Stripe's API, but the server fetches it, so it is checked before any request leaves.
 */
export function isStripeFileUrl(url: string, target: StripeTarget = stripeTarget()): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (target.kind === 'emulator') return parsed.origin === target.url
  return parsed.protocol === 'https:' && (parsed.hostname === 'stripe.com' || parsed.hostname.endsWith('.stripe.com'))
}

/**
 * The invoice's PDF from Stripe, as a stream to pass on without holding it in memory. Stripe not
 * serving it (down, slow, an error status) is the 503 "try again shortly", not a bug.
 */
export async function fetchInvoicePdf(invoice: Stripe.Invoice, signal?: AbortSignal): Promise<ReadableStream<Uint8Array>> {
  const url = invoice.invoice_pdf
  if (!url || !isStripeFileUrl(url)) throw new Error(`Invoice ${invoice.id} has no PDF at a Stripe address`)
  let response: Response
  try {
    response = await fetch(url, { signal, redirect: 'follow' })
  } catch (error) {
    if (signal?.aborted) throw error
    throw new PortalError('unavailable', t('api.error.billingUnavailable'))
  }
  if (!response.ok || !response.body) throw new PortalError('unavailable', t('api.error.billingUnavailable'))
  return response.body
}
