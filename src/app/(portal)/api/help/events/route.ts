import { HelpEventInput } from '@/help/help-event-input'
import { recordHelpEvent } from '@/help/record-help-event'
import { portalRoute } from '@/lib/api/portal-route'

/** POST /api/help/events — `{ kind: opened | viewed | contacted_support, path, articleId? }`, for deflection per screen. */
export const POST = portalRoute({ screen: 'account', action: 'org.read', schema: HelpEventInput }, async ({ payload, user, organization, body }) =>
  recordHelpEvent(payload, { kind: body.kind, path: body.path, articleId: body.articleId, userId: user.id, organizationId: organization.id }),
)
