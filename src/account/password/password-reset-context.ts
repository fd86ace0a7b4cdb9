/** Set on `req.context` by the send-password-reset job: the one caller of forgot-password allowed to run it. */
export const PASSWORD_RESET_JOB = 'porticoPasswordResetJob'
