import type { Payload } from 'payload'

import type { AuditActor } from '../../audit/actor'
import { commitPortalChange } from '../../audit/record-portal-change'
import { t } from '../../i18n/t'
import { PortalError } from '../../lib/api/portal-error'
import { hashSingleUseToken, looksLikeSingleUseToken } from '../../lib/single-use-token'

type Pending = { id: number; email: string; pendingEmail?: string | null; pendingEmailExpiresAt?: string | null }

/**
 * Opening the link applies the change. The token is the proof (the link may be opened in another
 * browser); it works once, because applying clears it, and not after it expires.
 */
export async function confirmEmailChange(payload: Payload, { token, actor }: { token: string; actor: Omit<AuditActor, 'kind' | 'user'> }): Promise<{ email: string }> {
  const pending = looksLikeSingleUseToken(token) ? await payload.db.findOne<Pending>({ collection: 'users', where: { pendingEmailToken: { equals: hashSingleUseToken(token) } } }) : null
  if (!pending?.pendingEmail) throw new PortalError('not_found', t('emailChange.error.invalidLink'))
  if (!pending.pendingEmailExpiresAt || new Date(pending.pendingEmailExpiresAt) <= new Date()) {
    throw new PortalError('invalid_request', t('emailChange.error.expiredLink'))
  }
  const { totalDocs } = await payload.count({ collection: 'users', where: { email: { equals: pending.pendingEmail } }, overrideAccess: true })
  if (totalDocs > 0) throw new PortalError('conflict', t('emailChange.error.taken'))
  const [from, to] = [pending.email, pending.pendingEmail]
  await commitPortalChange(
    payload,
    {
      actor: { ...actor, kind: 'customer', user: { id: pending.id, email: from } },
      organization: null,
      entity: { type: 'users', id: pending.id },
      action: 'account.email_changed',
      before: { email: from },
      event: { type: 'account.email_changed', data: { subjectUserId: pending.id, changes: { email: [from, to] } } },
    },
    async (req) => {
      await payload.update({ collection: 'users', id: pending.id, data: { email: to, pendingEmail: null, pendingEmailToken: null, pendingEmailExpiresAt: null }, depth: 0, overrideAccess: true, req })
      return { after: { email: to } }
    },
  )
  return { email: to }
}
