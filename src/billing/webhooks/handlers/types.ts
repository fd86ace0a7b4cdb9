import type { PayloadRequest } from 'payload'
import type Stripe from 'stripe'

import type { AuditActor } from '../../../audit/actor'

export type StripeEventContext = {
  /** Carries the processing transaction: every write must pass it. */
  req: PayloadRequest
  event: Stripe.Event
  organizationId: number
  stripe: Stripe
  /** Kind `stripe`, with the event id as request id, so the audit trail links back to the ledger. */
  actor: AuditActor
}

export type StripeEventHandler = (context: StripeEventContext) => Promise<void>
