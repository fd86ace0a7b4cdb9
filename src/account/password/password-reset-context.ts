/** Set on `req.context` by `resetPassword`: the one caller allowed to run Payload's reset-password operation. */
export const PASSWORD_RESET_FLOW = 'porticoPasswordReset'
