import type { Payload } from 'payload'

import { t } from '../../i18n/t'
import { PortalError } from '../../lib/api/portal-error'

/**
 * Refuses a billing write for a contract customer (billingMode `contract`): their plan, card and
 * invoice details are set by the contract and changed by their account manager, so every billing
 * write route answers 403 `contract_managed` before it touches Stripe — the page shows no controls,
 * and a direct call gets the same answer.
 */
export async function assertSelfServeBilling(payload: Payload, organizationId: number): Promise<void> {
  const organization = await payload.findByID({ collection: 'organizations', id: organizationId, depth: 0, overrideAccess: true, select: { billingMode: true } })
  if (organization.billingMode === 'contract') throw new PortalError('contract_managed', t('billing.error.contractManaged'))
}
