import { Forbidden, type CollectionBeforeOperationHook } from 'payload'

import { PASSWORD_RESET_FLOW } from '../../../account/password/password-reset-context'

/**
 * Password resets only through the portal. Payload's REST/GraphQL forgot-password would look the
 * address up and mail inline (its answer time tells whether an account exists) and store its token
 * in plain text; the portal's job stores only a hash (issue-reset-token.ts). Payload's
 * reset-password compares the stored value as given, so it would accept that hash as a token:
 * only the portal's reset flow, which hashes the emailed token first, may run it.
 */
export const passwordResetViaPortal: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'forgotPassword') throw new Forbidden(req.t)
  if (operation === 'resetPassword' && !req.context[PASSWORD_RESET_FLOW]) throw new Forbidden(req.t)
  return args
}
