import { FeedbackInput } from '@/feedback/feedback-input'
import { submitFeedback } from '@/feedback/submit-feedback'
import { portalRoute } from '@/lib/api/portal-route'

/** POST /api/feedback — `{ type, section, message, page?, lastError? }`; forwarded to Linear by a job. */
export const POST = portalRoute({ screen: 'account', action: 'org.read', schema: FeedbackInput }, async ({ payload, user, actor, organization, body, request }) =>
  submitFeedback(payload, { userId: user.id, organizationId: organization.id, input: body, userAgent: request.headers.get('user-agent'), actor }),
)
