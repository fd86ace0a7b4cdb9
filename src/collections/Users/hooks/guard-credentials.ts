import { Forbidden, type CollectionBeforeChangeHook } from 'payload'

import { PORTAL_CHANGE } from '../../../audit/portal-change-context'

/**
 * A customer may edit their own record through Payload's REST/GraphQL (name, locale…), but the
 * sign-in email and password change only through the account flows, which ask for the current
 * password and confirm a new address by email. Staff (support) can still set both in /admin.
 */
export const guardCredentials: CollectionBeforeChangeHook = ({ req, data, originalDoc, operation }) => {
  if (operation !== 'update' || req.user?.collection !== 'users' || req.context[PORTAL_CHANGE]) return data
  const emailChanged = typeof data.email === 'string' && data.email.toLowerCase() !== String(originalDoc?.email ?? '').toLowerCase()
  if (emailChanged || data.password) throw new Forbidden(req.t)
  return data
}
