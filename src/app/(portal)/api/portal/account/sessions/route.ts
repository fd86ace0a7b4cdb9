import { z } from 'zod'

import { currentSessionId } from '@/account/sessions/current-session-id'
import { listSessions } from '@/account/sessions/list-sessions'
import { revokeSessions } from '@/account/sessions/revoke-sessions'
import { portalRoute } from '@/lib/api/portal-route'

/** GET /api/portal/account/sessions — the signed-in user's live sessions. */
export const GET = portalRoute({ screen: 'account', action: 'account.manage_own' }, async ({ payload, user }) =>
  listSessions(payload, { userId: user.id, currentSid: currentSessionId(user) }),
)

const Revoke = z.union([z.object({ sid: z.string().min(1).max(100) }), z.object({ others: z.literal(true) })])

/** POST /api/portal/account/sessions — `{ sid }` signs one session out, `{ others: true }` all but this one. */
export const POST = portalRoute({ screen: 'account', action: 'account.manage_own', schema: Revoke }, async ({ payload, user, actor, body }) => {
  const current = currentSessionId(user)
  return revokeSessions(payload, {
    userId: user.id,
    which: 'sid' in body ? { sid: body.sid } : { allExcept: current },
    actor,
  })
})
