import { randomUUID } from 'node:crypto'
import type { Payload } from 'payload'
import type { z } from 'zod'

import type { ScreenId } from '@scope-config'

import { canPerform } from '../../access/can-perform'
import type { Action } from '../../access/matrix'
import type { Role } from '../../access/roles'
import { customerActor, type AuditActor } from '../../audit/actor'
import { resolvePortalSession, type OrganizationChoice, type PortalSession, type PortalUser } from '../../auth/portal-session'
import { isScreenEnabled } from '../../flags/is-screen-enabled'
import { withMessageLocale } from '../../i18n/request-locale-context'
import { portalLanguage } from '../../i18n/portal-language'
import { type Locale, t } from '../../i18n/t'
import { payloadInstance } from '../payload'
import { serverTiming, type ServerTiming } from '../server-timing'
import type { PortalEnvelope } from './envelope'
import { errorResponse } from './error-response'
import { knownFailure } from './known-failure'
import { PortalError } from './portal-error'
import { findUnstorableText, UNSTORABLE_TEXT_MESSAGE } from './unstorable-text'

export type PortalRouteContext<Body> = {
  payload: Payload
  session: PortalSession
  /** The signed-in customer, ready to pass as a Local API `user`. */
  user: PortalUser
  /** Who the audit row names: this customer, with the request's IP, agent and id. */
  actor: AuditActor
  organization: OrganizationChoice
  role: Role
  body: Body
  params: Record<string, string>
  request: Request
  requestId: string
}

type RouteOptions<Schema extends z.ZodType | undefined> = {
  /** The screen this route belongs to: when it is flagged off for the organization, the route 404s. */
  screen: ScreenId
  /** The matrix action the caller's role needs in the current organization. */
  action: Action
  /** Validates the JSON body (or query string for GET/DELETE). */
  schema?: Schema
  /**
   * Part of setting up two-factor: open to a member whose organization requires two-factor before
   * they have it. Every other route refuses them until then, as the pages do.
   */
  twoFactorEnrolment?: true
}

type Handler<Body, Result> = (context: PortalRouteContext<Body>) => Promise<Result>

const json = (status: number, body: PortalEnvelope<unknown>, timing: ServerTiming) => Response.json(body, { status, headers: { 'Cache-Control': 'no-store', 'Server-Timing': timing.header() } })

function fieldErrors(error: z.ZodError): Record<string, string> {
  return Object.fromEntries(error.issues.map((issue) => [issue.path.join('.') || '_', issue.message]))
}

async function readInput(request: Request): Promise<unknown> {
  if (request.method === 'GET' || request.method === 'DELETE') return Object.fromEntries(new URL(request.url).searchParams)
  const text = await request.text()
  if (!text) return {}
  try {
    return JSON.parse(text)
  } catch {
    throw new PortalError('invalid_request', t('api.error.bodyNotJson'))
  }
}

/**
 * The one wrapper every portal JSON route uses: session → organization → screen flag → permission
 * → zod → handler, answering `{ success: true, data }` or `{ success: false, error }` with the
 * status the error code maps to. A lost write race answers 409 and Stripe being down 503
 * (`knownFailure`); unknown errors become a generic 500 with a request id, logged.
 */
export function portalRoute<Schema extends z.ZodType | undefined, Result>(
  options: RouteOptions<Schema>,
  handler: Handler<Schema extends z.ZodType ? z.infer<Schema> : undefined, Result>,
) {
  return (request: Request, segment: { params?: Promise<Record<string, string>> } = {}): Promise<Response> =>
    // Messages (refusals, zod's, the domain's) speak the browser's language, then the person's once known.
    withMessageLocale(answerLanguage(request), (speak) => answer(request, segment, speak))

  async function answer(request: Request, segment: { params?: Promise<Record<string, string>> }, speak: (locale: Locale) => void): Promise<Response> {
    const requestId = request.headers.get('x-request-id') ?? randomUUID()
    const payload = await payloadInstance()
    // Phases: session (token + the session statement), organization, flags, handler; then total.
    const timing = serverTiming()
    try {
      const session = await resolvePortalSession(payload, request.headers, undefined, timing)
      if (!session) throw new PortalError('unauthenticated', t('api.error.unauthenticated'))
      speak(answerLanguage(request, session.user.locale))
      const organization = session.organization
      if (!organization || !isScreenEnabled(session.flags, options.screen, organization.id)) {
        throw new PortalError('not_found', t('api.error.notFound'))
      }
      if (!canPerform({ userId: session.user.id, role: organization.role }, options.action).allowed) {
        throw new PortalError('forbidden', t('api.error.forbidden'))
      }
      if (!options.twoFactorEnrolment && session.adapter === 'payload' && session.twoFactorEnrolmentNeeded) {
        throw new PortalError('forbidden', t('api.error.twoFactorRequired'))
      }
      let body: unknown
      if (options.schema) {
        const input = await readInput(request)
        const unstorable = findUnstorableText(input)
        if (unstorable) throw new PortalError('invalid_request', t('api.error.invalid'), { [unstorable]: UNSTORABLE_TEXT_MESSAGE })
        const parsed = options.schema.safeParse(input)
        if (!parsed.success) throw new PortalError('invalid_request', t('api.error.invalid'), fieldErrors(parsed.error))
        body = parsed.data
      }
      const params = (await segment.params) ?? {}
      const actor = customerActor(session.user, request, requestId)
      const data = await timing.measure('handler', () => handler({ payload, session, user: session.user, actor, organization, role: organization.role, body: body as never, params, request, requestId }))
      // A file (an invoice PDF, a ZIP) is answered as the handler built it; refusals above stay envelopes.
      if (data instanceof Response) return data
      return json(200, { success: true, data }, timing)
    } catch (thrown) {
      const error = knownFailure(thrown) ?? thrown
      if (error instanceof PortalError) return errorResponse(error, { 'Cache-Control': 'no-store', 'Server-Timing': timing.header() })
      payload.logger.error({ err: error, requestId }, 'portal route failed')
      return json(500, { success: false, error: { code: 'internal', message: t('api.error.internal', { requestId }) } }, timing)
    }
  }
}

/** The language a route answers in: the profile's, the product's default, then the browser's (as pages choose). */
const answerLanguage = (request: Request, profile?: string | null): Locale => portalLanguage({ profile, acceptLanguage: request.headers.get('accept-language') })
