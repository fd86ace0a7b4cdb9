import type { Payload } from 'payload'

import type { AuditActor } from '../../audit/actor'
import { commitPortalChange } from '../../audit/record-portal-change'

/** The owner's switch: members without two-factor are sent to set it up before the portal opens. */
export async function setOrganizationTwoFactorRequirement(payload: Payload, { organizationId, required, actor }: { organizationId: number; required: boolean; actor: AuditActor }): Promise<{ required: boolean }> {
  const before = await payload.findByID({ collection: 'organizations', id: organizationId, depth: 0, overrideAccess: true, select: { requireTwoFactor: true } })
  await commitPortalChange(
    payload,
    { actor, organization: organizationId, entity: { type: 'organizations', id: organizationId }, action: 'organization.two_factor_requirement_changed', before: { requireTwoFactor: Boolean(before.requireTwoFactor) } },
    async (req) => {
      await payload.update({ collection: 'organizations', id: organizationId, data: { requireTwoFactor: required }, depth: 0, overrideAccess: true, req })
      return { after: { requireTwoFactor: required } }
    },
  )
  return { required }
}
