import type Stripe from 'stripe'

import type { PortalConfiguration } from './portal-configuration'

/** Marks the one configuration this tool owns, so hand-made ones in the dashboard are left alone. */
export const MANAGED_METADATA = { portico: 'managed' } as const

export type ConfigurationChange = { path: string; from: unknown; to: unknown }
export type SyncResult = { action: 'create' | 'update' | 'unchanged'; id: string | null; changes: ConfigurationChange[] }

type Snapshot = Pick<Stripe.BillingPortal.ConfigurationCreateParams, 'business_profile' | 'default_return_url' | 'features' | 'name'>

/**
 * Makes Stripe's managed portal configuration match the typed file: finds it by metadata, diffs
 * field by field, and (unless `dryRun`) creates or updates it. Returns the diff either way.
 */
export async function syncPortalConfiguration(stripe: Stripe, desired: PortalConfiguration, options: { dryRun: boolean }): Promise<SyncResult> {
  const target = await toStripeParams(stripe, desired)
  const existing = await findManagedConfiguration(stripe)
  const changes = diff(existing ? snapshotOf(existing) : {}, target)
  if (existing && changes.length === 0) return { action: 'unchanged', id: existing.id, changes }
  if (options.dryRun) return { action: existing ? 'update' : 'create', id: existing?.id ?? null, changes }
  const saved = existing
    ? await stripe.billingPortal.configurations.update(existing.id, target)
    : await stripe.billingPortal.configurations.create({ ...target, metadata: MANAGED_METADATA })
  return { action: existing ? 'update' : 'create', id: saved.id, changes }
}

export async function findManagedConfiguration(stripe: Stripe): Promise<Stripe.BillingPortal.Configuration | null> {
  for await (const configuration of stripe.billingPortal.configurations.list({ limit: 100, expand: ['data.features.subscription_update.products'] })) {
    if (configuration.metadata?.portico === MANAGED_METADATA.portico) return configuration
  }
  return null
}

/** The file's plans are price lookup keys; Stripe wants `{ product, prices[] }` groups of ids. */
async function toStripeParams(stripe: Stripe, desired: PortalConfiguration): Promise<Snapshot> {
  const { features } = desired
  const products: Array<{ product: string; prices: string[] }> = []
  const lookupKeys = features.subscriptionUpdate.priceLookupKeys
  if (lookupKeys.length > 0) {
    const prices = await stripe.prices.list({ lookup_keys: lookupKeys, active: true, limit: 100 })
    const missing = lookupKeys.filter((key) => !prices.data.some((price) => price.lookup_key === key))
    if (missing.length > 0) throw new Error(`No active price with lookup key ${missing.join(', ')} — create the plans first (the demo seed does).`)
    for (const key of lookupKeys) {
      const price = prices.data.find((entry) => entry.lookup_key === key)
      if (!price) continue
      const productId = typeof price.product === 'string' ? price.product : price.product.id
      const group = products.find((entry) => entry.product === productId) ?? products[products.push({ product: productId, prices: [] }) - 1]
      group?.prices.push(price.id)
    }
  }
  return {
    name: desired.name,
    business_profile: {
      headline: desired.businessProfile.headline ?? '',
      privacy_policy_url: desired.businessProfile.privacyPolicyUrl ?? '',
      terms_of_service_url: desired.businessProfile.termsOfServiceUrl ?? '',
    },
    default_return_url: desired.defaultReturnUrl ?? '',
    features: {
      payment_method_update: { enabled: features.paymentMethodUpdate.enabled },
      invoice_history: { enabled: features.invoiceHistory.enabled },
      customer_update: { enabled: features.customerUpdate.enabled, allowed_updates: features.customerUpdate.allowedUpdates },
      subscription_cancel: { enabled: features.subscriptionCancel.enabled, mode: features.subscriptionCancel.mode, proration_behavior: features.subscriptionCancel.prorationBehavior },
      subscription_update: {
        enabled: features.subscriptionUpdate.enabled,
        default_allowed_updates: features.subscriptionUpdate.defaultAllowedUpdates,
        proration_behavior: features.subscriptionUpdate.prorationBehavior,
        products,
      },
    },
  }
}

/** The same fields read back from Stripe, '' standing for null as in the params. */
function snapshotOf(configuration: Stripe.BillingPortal.Configuration): Snapshot {
  const { features, business_profile: profile } = configuration
  return {
    name: configuration.name ?? '',
    business_profile: { headline: profile.headline ?? '', privacy_policy_url: profile.privacy_policy_url ?? '', terms_of_service_url: profile.terms_of_service_url ?? '' },
    default_return_url: configuration.default_return_url ?? '',
    features: {
      payment_method_update: { enabled: features.payment_method_update.enabled },
      invoice_history: { enabled: features.invoice_history.enabled },
      customer_update: { enabled: features.customer_update.enabled, allowed_updates: features.customer_update.allowed_updates },
      subscription_cancel: { enabled: features.subscription_cancel.enabled, mode: features.subscription_cancel.mode, proration_behavior: features.subscription_cancel.proration_behavior },
      subscription_update: {
        enabled: features.subscription_update.enabled,
        default_allowed_updates: features.subscription_update.default_allowed_updates,
        proration_behavior: features.subscription_update.proration_behavior,
        products: (features.subscription_update.products ?? []).map((entry) => ({ product: entry.product, prices: entry.prices })),
      },
    },
  }
}

/** Leaf-by-leaf differences; lists compare as a whole (order-insensitive for plain string lists). */
export function diff(from: unknown, to: unknown, path = ''): ConfigurationChange[] {
  const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
  if (isObject(to)) {
    const source = isObject(from) ? from : {}
    return Object.keys(to).flatMap((key) => diff(source[key], to[key], path ? `${path}.${key}` : key))
  }
  const comparable = (value: unknown) => JSON.stringify(Array.isArray(value) && value.every((entry) => typeof entry === 'string') ? [...value].sort() : value)
  return comparable(from) === comparable(to) ? [] : [{ path, from: from ?? null, to }]
}
