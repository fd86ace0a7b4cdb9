import { z } from 'zod'

import { setApiKeyMaxLifetime } from '@/api-keys/set-api-key-policy'
import { portalRoute } from '@/lib/api/portal-route'
import { lazyMessage } from '@/i18n/t'

const Policy = z.object({ maxLifetimeDays: z.number(lazyMessage('api-keys.policy.error.days')).int(lazyMessage('api-keys.policy.error.days')).min(1, lazyMessage('api-keys.policy.error.days')).max(3650, lazyMessage('api-keys.policy.error.days')).nullable() })

/** PUT /api/api-keys/policy — `{ maxLifetimeDays: number | null }`: the owner's cap on new keys' lifetime. */
export const PUT = portalRoute({ screen: 'api-keys', action: 'apikeys.set_max_lifetime', schema: Policy }, async ({ payload, actor, organization, body }) =>
  setApiKeyMaxLifetime(payload, { organizationId: organization.id, days: body.maxLifetimeDays, actor }),
)
