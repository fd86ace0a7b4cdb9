import { sendPasswordResetTask } from '../account/password/send-password-reset-task'
import { apiKeyExpiryNoticesTask } from '../api-keys/api-key-expiry-task'
import { processStripeEventTask } from '../billing/webhooks/process-stripe-event-task'
import { forwardFeedbackTask } from '../feedback/forward-feedback-task'
import { sendEmailTask } from '../notifications/email/send-email-task'
import { deliverNotificationTask, dispatchPortalEventTask } from '../notifications/notification-tasks'

/**
 * Every job the portal runs, for payload.config's `jobs.tasks`. Domains define their tasks; this is
 * the one list of them, run by `startJobRunner` in the web process or in `npm run worker`.
 */
export const portalTasks = [
  dispatchPortalEventTask,
  deliverNotificationTask,
  sendPasswordResetTask,
  sendEmailTask,
  forwardFeedbackTask,
  processStripeEventTask,
  apiKeyExpiryNoticesTask,
]
