import type { Payload } from 'payload'

import { t } from '../i18n/t'
import { PortalError } from '../lib/api/portal-error'
import { consumeLimit } from '../lib/rate-limit/rate-limit'
import type { HelpEventKind } from './help-event-kinds'
import { screenForPath } from './screen-for-path'

type HelpEvent = { kind: HelpEventKind; path: string; articleId?: number; helpful?: boolean; reason?: string; userId: number; organizationId: number }

/**
 * One row in `help-events`, what the deflection figures count. Not an audited portal change: it
 * alters nothing of the customer's, and the activity timeline would drown in drawer clicks. An
 * article it names must be published, or the click is refused as if the article weren't there.
 * Limited per user (429 past the hourly budget), so a script can't fill the figures.
 */
export async function recordHelpEvent(payload: Payload, event: HelpEvent): Promise<{ id: number }> {
  await consumeLimit(payload, 'help-events:user', [String(event.userId)])
  if (event.articleId !== undefined) {
    const { totalDocs } = await payload.count({ collection: 'help-articles', where: { and: [{ id: { equals: event.articleId } }, { _status: { equals: 'published' } }] }, overrideAccess: true })
    if (!totalDocs) throw new PortalError('not_found', t('help.error.articleNotFound'))
  }
  const row = await payload.create({
    collection: 'help-events',
    data: {
      kind: event.kind,
      article: event.articleId ?? null,
      screen: screenForPath(event.path),
      path: event.path,
      helpful: event.helpful ?? null,
      reason: event.reason || null,
      user: event.userId,
      organization: event.organizationId,
    },
    depth: 0,
    overrideAccess: true,
  })
  return { id: row.id }
}
