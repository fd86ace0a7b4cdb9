import type { PayloadRequest } from 'payload'

import { canPerform } from '../access/can-perform'
import { isRole } from '../access/roles'
import { portalUrl } from '../lib/portal-url'

/**
 * Where a notification sends its recipient: the organization's activity when their role (now, after
 * the change) may open it; otherwise their account, never a page that answers 403 — a member told
 * about their own role change, or someone removed from the organization.
 */
export async function recipientLink(req: PayloadRequest, recipientUserId: number | null | undefined, organizationId: number | null | undefined): Promise<{ path: string; url: string; activity: boolean }> {
  const membership = recipientUserId && organizationId
    ? (await req.payload.find({ collection: 'memberships', where: { user: { equals: recipientUserId }, organization: { equals: organizationId } }, depth: 0, limit: 1, overrideAccess: true, req })).docs[0]
    : undefined
  const activity = Boolean(membership && isRole(membership.role) && canPerform({ userId: recipientUserId!, role: membership.role }, 'activity.read').allowed)
  const path = activity ? '/account/activity' : '/account'
  return { path, url: portalUrl(path), activity }
}
