import type { Payload } from 'payload'

import type { User } from '../../payload-types'

/** True when one of the user's organizations requires two-factor and the user hasn't set it up. */
export async function needsTwoFactorEnrolment(payload: Payload, user: User, organizationIds: number[]): Promise<boolean> {
  if (user.twoFactorEnabledAt || organizationIds.length === 0) return false
  const { totalDocs } = await payload.count({ collection: 'organizations', where: { id: { in: organizationIds }, requireTwoFactor: { equals: true } }, overrideAccess: true })
  return totalDocs > 0
}
