import { readFeedbackRequest } from '@/feedback/read-feedback-request'
import { submitFeedback } from '@/feedback/submit-feedback'
import { portalRoute } from '@/lib/api/portal-route'

/**
 * POST /api/feedback — `{ type, section, message, page?, lastError? }` as JSON, or multipart with a
 * `screenshot` (PNG, JPEG, GIF or WebP, up to 5 MB); forwarded to Linear by a job. The body is read
 * here, not by portalRoute, which reads JSON only.
 */
export const POST = portalRoute({ screen: 'account', action: 'org.read' }, async ({ payload, user, actor, organization, request }) => {
  const { input, screenshot } = await readFeedbackRequest(request)
  return submitFeedback(payload, { userId: user.id, organizationId: organization.id, input, screenshot, userAgent: request.headers.get('user-agent'), actor })
})
