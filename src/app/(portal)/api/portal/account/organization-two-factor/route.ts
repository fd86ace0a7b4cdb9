import { z } from 'zod'

import { setOrganizationTwoFactorRequirement } from '@/account/two-factor/set-organization-requirement'
import { portalRoute } from '@/lib/api/portal-route'

const Requirement = z.object({ required: z.boolean() })

/** PUT /api/portal/account/organization-two-factor — the owner requires (or stops requiring) two-factor of every member. */
export const PUT = portalRoute({ screen: 'account', action: 'org.require_two_factor', schema: Requirement }, async ({ payload, actor, organization, body }) =>
  setOrganizationTwoFactorRequirement(payload, { organizationId: organization.id, required: body.required, actor }),
)
