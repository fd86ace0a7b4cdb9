import { Forbidden, type CollectionBeforeOperationHook } from 'payload'

import { PASSWORD_RESET_JOB } from '../../../account/password/password-reset-context'

/**
 * Payload's REST/GraphQL forgot-password would look the address up and mail inline: its answer
 * time tells whether an account exists, and it bypasses the job's per-account throttle. Customers
 * use /forgot-password, which always answers the same and leaves the work to the job.
 */
export const forgotPasswordViaPortal: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'forgotPassword' && !req.context[PASSWORD_RESET_JOB]) throw new Forbidden(req.t)
  return args
}
