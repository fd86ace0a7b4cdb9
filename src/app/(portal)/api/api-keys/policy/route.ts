import { z } from 'zod'

import { setApiKeyMaxLifetime } from '@/api-keys/set-api-key-policy'
import { portalRoute } from '@/lib/api/portal-route'

const Policy = z.object({ maxLifetimeDays: z.number().int('Whole days.').min(1, 'At least 1 day.').max(3650, 'At most 3650 days.').nullable() })

/** PUT /api/api-keys/policy — `{ maxLifetimeDays: number | null }`: the owner's cap on new keys' lifetime. */
export const PUT = portalRoute({ screen: 'api-keys', action: 'apikeys.set_max_lifetime', schema: Policy }, async ({ payload, actor, organization, body }) =>
  setApiKeyMaxLifetime(payload, { organizationId: organization.id, days: body.maxLifetimeDays, actor }),
)
