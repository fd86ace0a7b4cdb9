import type { EmulatorContext } from './context'
import { catalogRoutes } from './resources/catalog'
import { customerRoutes } from './resources/customers'
import { eventRoutes } from './resources/events'
import { invoiceRoutes } from './resources/invoices'
import { meterRoutes } from './resources/meters'
import { paymentMethodRoutes } from './resources/payment-methods'
import { portalConfigurationRoutes } from './resources/portal-configurations'
import { portalSessionRoutes } from './resources/portal-sessions'
import { subscriptionRoutes } from './resources/subscriptions'
import { taxIdRoutes } from './resources/tax-ids'
import { testClockRoutes } from './resources/test-clocks'
import { webhookEndpointRoutes } from './resources/webhook-endpoints'
import { Router } from './router'

/** Every `/v1` endpoint the emulator implements; anything else is Stripe's "Unrecognized request URL". */
export function buildRouter(context: EmulatorContext): Router {
  const router = new Router()
  for (const register of [
    customerRoutes, taxIdRoutes, paymentMethodRoutes, catalogRoutes, subscriptionRoutes, invoiceRoutes, testClockRoutes,
    portalConfigurationRoutes, portalSessionRoutes, meterRoutes, webhookEndpointRoutes, eventRoutes,
  ]) {
    register(router, context)
  }
  return router
}
