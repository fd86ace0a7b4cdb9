import type { Payload } from 'payload'

import type { AuditActor } from '../../audit/actor'
import { commitPortalChange } from '../../audit/record-portal-change'
import type { User } from '../../payload-types'
import type { DateLocale } from './date-preferences'

export type ProfileInput = { name: string; locale: DateLocale; timeZone: string }

/** Name, and the locale and time zone dates are shown in. Audited; nobody else needs telling. */
export async function updateProfile(payload: Payload, { user, profile, actor }: { user: User; profile: ProfileInput; actor: AuditActor }): Promise<ProfileInput> {
  const before = { name: user.name ?? null, locale: user.locale ?? null, timeZone: user.timeZone ?? null }
  await commitPortalChange(payload, { actor, organization: null, entity: { type: 'users', id: user.id }, action: 'account.profile_updated', before }, async (req) => {
    await payload.update({ collection: 'users', id: user.id, data: profile, depth: 0, overrideAccess: true, req })
    return { after: profile }
  })
  return profile
}
