import { startEnrolment } from '@/account/two-factor/start-enrolment'
import { portalRoute } from '@/lib/api/portal-route'

/** POST /api/portal/account/two-factor/setup — a new secret: QR code (SVG) and the key to type in. */
export const POST = portalRoute({ screen: 'account', action: 'account.manage_own', twoFactorEnrolment: true }, async ({ payload, user }) => startEnrolment(payload, user))
