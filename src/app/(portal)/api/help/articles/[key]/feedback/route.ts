import { HelpAnswerInput } from '@/help/help-event-input'
import { recordHelpEvent } from '@/help/record-help-event'
import { idParam } from '@/lib/api/id-param'
import { portalRoute } from '@/lib/api/portal-route'

/** POST /api/help/articles/:id/feedback — `{ helpful, reason?, path }`: "Did this answer your question?" */
export const POST = portalRoute({ screen: 'account', action: 'org.read', schema: HelpAnswerInput }, async ({ payload, user, organization, body, params }) =>
  recordHelpEvent(payload, { kind: 'answered', articleId: idParam(params, 'key'), path: body.path, helpful: body.helpful, reason: body.reason, userId: user.id, organizationId: organization.id }),
)
