import { z } from 'zod'

import { portalRoute } from '@/lib/api/portal-route'
import { RecordId } from '@/lib/api/record-id'
import { teamActor } from '@/team/team-actor'
import { transferOwnership } from '@/team/transfer-ownership'
import { lazyMessage } from '@/i18n/t'

const Transfer = z.object({
  memberId: RecordId,
  confirm: z.string().min(1, lazyMessage('team.transfer.error.confirm')).max(200),
})

/** POST /api/team/transfer-ownership — `{ memberId, confirm }`; the caller becomes an admin. */
export const POST = portalRoute({ screen: 'team', action: 'team.transfer_ownership', schema: Transfer }, async ({ payload, user, actor, organization, body }) =>
  transferOwnership(payload, teamActor(user, organization.id, actor), body),
)
