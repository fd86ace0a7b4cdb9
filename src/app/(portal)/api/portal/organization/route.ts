import { z } from 'zod'

import { organizationCookie, resolvePortalSession } from '@/auth/portal-session'
import { safeNextPath, signInUrl } from '@/auth/safe-next-path'
import { RecordIdText } from '@/lib/api/record-id'
import { refuseCrossSite } from '@/lib/http/refuse-cross-site'
import { seeOther } from '@/lib/http/see-other'
import { payloadInstance } from '@/lib/payload'

const SwitchOrganization = z.object({ organizationId: RecordIdText, next: z.string().optional() })

/** The organization switcher's form. Only an organization the user belongs to can be chosen. */
export async function POST(request: Request) {
  const refused = refuseCrossSite(request)
  if (refused) return refused
  const session = await resolvePortalSession(await payloadInstance(), request.headers)
  if (!session) return seeOther(request, signInUrl('/account'))
  const parsed = SwitchOrganization.safeParse(Object.fromEntries(await request.formData()))
  const next = safeNextPath(parsed.data?.next)
  const chosen = parsed.success && session.organizations.find((organization) => organization.id === parsed.data.organizationId)
  if (!chosen) return new Response('Not a member of that organization.', { status: 403 })
  return seeOther(request, next, { 'Set-Cookie': organizationCookie(chosen.id) })
}
