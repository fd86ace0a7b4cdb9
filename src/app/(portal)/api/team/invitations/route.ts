import { z } from 'zod'

import { ROLES } from '@/access/roles'
import { portalRoute } from '@/lib/api/portal-route'
import { consumeLimit } from '@/lib/rate-limit/rate-limit'
import { inviteMembers } from '@/team/invite-members'
import { teamActor } from '@/team/team-actor'
import { lazyMessage } from '@/i18n/t'

// Each entry may be one address or a pasted list; the domain splits, validates and counts them.
const Invite = z.object({
  emails: z.array(z.string().max(10_000)).min(1, lazyMessage('team.invite.error.noEmails')).max(200),
  role: z.enum(ROLES),
})

/** POST /api/team/invitations — `{ emails, role }`; all or nothing, emails sent after commit. */
export const POST = portalRoute({ screen: 'team', action: 'team.invite', schema: Invite }, async ({ payload, user, actor, organization, body }) => {
  await consumeLimit(payload, 'invitations:user', [String(user.id)], body.emails.length)
  return { invitations: await inviteMembers(payload, teamActor(user, organization.id, actor), body) }
})
