import type { Payload } from 'payload'

import type { AuditActor } from '../../audit/actor'
import { commitPortalChange } from '../../audit/record-portal-change'
import { t } from '../../i18n/t'
import { PortalError } from '../../lib/api/portal-error'
import { pruneSessionRecords, readSessions, removeSessions } from './session-store'

export type RevokeWhich = { sid: string } | { allExcept: string | null }

/**
 * Signs out one session, or all but the caller's. The sessions leave `users.sessions` in the same
 * transaction as the audit row and the security email's outbox event, so the revoked browser is
 * refused on its very next request, wherever it lands.
 */
export async function revokeSessions(payload: Payload, { userId, which, actor }: { userId: number; which: RevokeWhich; actor: AuditActor }): Promise<{ revoked: number }> {
  const sessions = await readSessions({ payload, req: undefined }, userId)
  const revoked = sessions.filter((session) => ('sid' in which ? session.id === which.sid : session.id !== which.allExcept))
  if ('sid' in which && revoked.length === 0) throw new PortalError('not_found', t('account.sessions.error.notFound'))
  if (revoked.length === 0) return { revoked: 0 }
  await commitPortalChange(
    payload,
    {
      actor,
      organization: null,
      entity: { type: 'users', id: userId },
      action: 'account.session_revoked',
      before: { activeSessions: sessions.length },
      event: { type: 'account.session_revoked', data: { subjectUserId: userId, revoked: revoked.length } },
    },
    async (req) => {
      // Deletes exactly the revoked rows: a sign-in that landed meanwhile survives.
      await removeSessions({ payload, req }, userId, { sids: revoked.map((session) => session.id) })
      const remaining = await readSessions({ payload, req }, userId)
      await pruneSessionRecords({ payload, req }, userId, remaining.map((session) => session.id))
      return { after: { activeSessions: remaining.length } }
    },
  )
  return { revoked: revoked.length }
}
