import type { EmulatorContext } from '../context'
import { Params } from '../params'
import type { Router } from '../router'
import { invalidRequest } from '../stripe-error'
import type { StripeObject } from '../store'
import { requireObject } from './shared'

const flowTypes = ['payment_method_update', 'subscription_cancel', 'subscription_update', 'subscription_update_confirm'] as const
type FlowType = (typeof flowTypes)[number]

/** The feature a flow needs switched on in the configuration, as Stripe checks when creating the session. */
const featureForFlow: Record<FlowType, string> = {
  payment_method_update: 'payment_method_update',
  subscription_cancel: 'subscription_cancel',
  subscription_update: 'subscription_update',
  subscription_update_confirm: 'subscription_update',
}

/**
 * Portal sessions. The `url` opens the emulator's own portal page (`/p/session/<id>`), which plays
 * the part of Stripe's hosted Customer Portal for the demo and end-to-end tests.
 */
export function portalSessionRoutes(router: Router, context: EmulatorContext): void {
  const { store } = context

  router.post('/v1/billing_portal/sessions', (request) => {
    const params = new Params(request.body, ['customer', 'return_url', 'configuration', 'flow_data', 'locale', 'on_behalf_of'])
    const customer = requireObject(store, 'customer', params.requiredString('customer'), 'customer')
    const configurationId = params.string('configuration')
    const configuration = configurationId
      ? requireObject(store, 'billing_portal.configuration', configurationId, 'configuration', 'configuration')
      : store.list('billing_portal.configuration', (c) => c.is_default)[0]
    if (!configuration) {
      throw invalidRequest(
        "No configuration provided and your test mode default configuration has not been created. Provide a configuration or create your default by saving your customer portal settings in test mode (or run `npm run stripe:portal-config`).",
      )
    }
    if (!configuration.active) throw invalidRequest('This configuration is inactive.', 'configuration')
    const returnUrl = params.string('return_url') ?? configuration.default_return_url
    if (!returnUrl) throw invalidRequest('Missing required param: return_url.', 'return_url', 'parameter_missing')
    const id = store.newId('bps')
    const session: StripeObject = {
      id,
      object: 'billing_portal.session',
      configuration: configuration.id,
      created: Math.floor(Date.now() / 1000),
      customer: customer.id,
      flow: readFlow(context, params, customer, configuration),
      livemode: false,
      locale: params.string('locale') ?? null,
      on_behalf_of: params.string('on_behalf_of') ?? null,
      return_url: returnUrl,
      url: `${context.baseUrl}/p/session/${id}`,
      customer_account: null,
    }
    store.put(session)
    return session
  })
}

function readFlow(context: EmulatorContext, params: Params, customer: StripeObject, configuration: StripeObject): Record<string, unknown> | null {
  const flowData = params.object('flow_data', ['type', 'after_completion', 'subscription_cancel', 'subscription_update', 'subscription_update_confirm'])
  if (!flowData) return null
  const flowType = flowData.oneOf('type', flowTypes)
  if (!flowType) throw invalidRequest('Missing required param: flow_data[type].', 'flow_data[type]', 'parameter_missing')
  if (!configuration.features[featureForFlow[flowType]]?.enabled) {
    throw invalidRequest(`The \`${flowType}\` flow can't be used because the feature is disabled in configuration ${configuration.id}.`, 'flow_data[type]')
  }
  const after = flowData.object('after_completion', ['type', 'redirect', 'hosted_confirmation'])
  const afterType = after?.oneOf('type', ['redirect', 'hosted_confirmation', 'portal_homepage']) ?? 'portal_homepage'
  const redirect = after?.object('redirect', ['return_url'])
  const confirmation = after?.object('hosted_confirmation', ['custom_message'])

  const subscriptionFor = (name: 'subscription_cancel' | 'subscription_update' | 'subscription_update_confirm', allowed: readonly string[]) => {
    if (flowType !== name) return null
    const details = flowData.object(name, allowed)
    if (!details) throw invalidRequest(`Missing required param: flow_data[${name}].`, `flow_data[${name}]`, 'parameter_missing')
    const subscription = requireObject(context.store, 'subscription', details.requiredString('subscription'), `flow_data[${name}][subscription]`, 'subscription')
    if (subscription.customer !== customer.id) throw invalidRequest(`The subscription ${subscription.id} does not belong to customer ${customer.id}.`, `flow_data[${name}][subscription]`)
    return { details, subscription }
  }
  const cancel = subscriptionFor('subscription_cancel', ['subscription', 'retention'])
  const update = subscriptionFor('subscription_update', ['subscription'])
  const confirm = subscriptionFor('subscription_update_confirm', ['subscription', 'items', 'discounts'])
  return {
    after_completion: {
      hosted_confirmation: afterType === 'hosted_confirmation' ? { custom_message: confirmation?.nullableString('custom_message') ?? null } : null,
      redirect: afterType === 'redirect' ? { return_url: redirect?.requiredString('return_url') ?? missingRedirect() } : null,
      type: afterType,
    },
    subscription_cancel: cancel ? { retention: null, subscription: cancel.subscription.id } : null,
    subscription_update: update ? { subscription: update.subscription.id } : null,
    subscription_update_confirm: confirm
      ? {
          discounts: [],
          items: (confirm.details.objects('items', ['id', 'price', 'quantity']) ?? []).map((item) => ({ id: item.requiredString('id'), price: item.string('price') ?? null, quantity: item.int('quantity') ?? null })),
          subscription: confirm.subscription.id,
        }
      : null,
    type: flowType,
  }
}

function missingRedirect(): never {
  throw invalidRequest('Missing required param: flow_data[after_completion][redirect][return_url].', 'flow_data[after_completion][redirect][return_url]', 'parameter_missing')
}
