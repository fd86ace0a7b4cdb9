/**
 * The Stripe Customer Portal configuration, as code. `npm run stripe:portal-config` makes Stripe
 * (or the local emulator) match this file and prints the id to pin as STRIPE_PORTAL_CONFIG_ID.
 * Plans are named by price lookup key, not id, so one file serves test mode, live mode and the
 * emulator alike; the return URL is this environment's PORTAL_URL.
 */
import { portalUrl } from '../lib/portal-url'

export type CustomerField = 'name' | 'email' | 'address' | 'phone' | 'shipping' | 'tax_id'
export type ProrationBehavior = 'none' | 'create_prorations' | 'always_invoice'

export type PortalConfiguration = {
  name: string
  businessProfile: { headline: string | null; privacyPolicyUrl: string | null; termsOfServiceUrl: string | null }
  /** Where Stripe sends people back when a session is created without a return_url. */
  defaultReturnUrl: string | null
  features: {
    paymentMethodUpdate: { enabled: boolean }
    invoiceHistory: { enabled: boolean }
    customerUpdate: { enabled: boolean; allowedUpdates: CustomerField[] }
    subscriptionCancel: { enabled: boolean; mode: 'at_period_end' | 'immediately'; prorationBehavior: ProrationBehavior }
    subscriptionUpdate: {
      enabled: boolean
      defaultAllowedUpdates: Array<'price' | 'quantity' | 'promotion_code'>
      prorationBehavior: ProrationBehavior
      /** Price lookup keys a customer may switch between; grouped by product when synced. */
      priceLookupKeys: string[]
    }
  }
}

export const portalConfiguration = (env: Record<string, string | undefined> = process.env): PortalConfiguration => ({
  name: 'Portico customer portal',
  businessProfile: {
    headline: 'Portico — manage your billing',
    privacyPolicyUrl: 'https://portico.example/privacy',
    termsOfServiceUrl: 'https://portico.example/terms',
  },
  defaultReturnUrl: portalUrl('/account/billing', env),
  features: {
    // "Change the card on file" is the ticket this portal exists to absorb.
    paymentMethodUpdate: { enabled: true },
    invoiceHistory: { enabled: true },
    // Company name, billing email, address and VAT id are edited in Portico's own Billing screen,
    // which keeps the organization in sync; Stripe's portal offers the same fields as a fallback.
    customerUpdate: { enabled: true, allowedUpdates: ['name', 'email', 'address', 'tax_id'] },
    subscriptionCancel: { enabled: true, mode: 'at_period_end', prorationBehavior: 'none' },
    subscriptionUpdate: {
      enabled: true,
      defaultAllowedUpdates: ['price'],
      prorationBehavior: 'create_prorations',
      priceLookupKeys: ['portico_starter_monthly', 'portico_growth_monthly', 'portico_scale_monthly'],
    },
  },
})
