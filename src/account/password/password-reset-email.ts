import { portalUrl } from '../../lib/portal-url'

const escape = (value: string) => value.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`)
const linkFor = (token: string) => portalUrl(`/reset-password?token=${encodeURIComponent(token)}`)

const LINES = {
  intro: 'Someone (hopefully you) asked to reset the password of your Portico account.',
  expiry: 'The link works once and expires in an hour. Resetting signs you out everywhere.',
  ignore: 'If you didn’t ask for this, ignore this email: your password stays as it is.',
}

/** The forgot-password email: a link to our /reset-password page (Payload's would point at the admin). */
export const passwordResetEmail = {
  subject: 'Reset your Portico password',
  text: (token: string): string => [LINES.intro, `Choose a new password: ${linkFor(token)}`, LINES.expiry, LINES.ignore].join('\n\n'),
  html: (token: string): string => {
    const link = escape(linkFor(token))
    return [`<p>${LINES.intro}</p>`, `<p><a href="${link}">Choose a new password</a></p>`, `<p>${LINES.expiry}</p>`, `<p>${LINES.ignore}</p>`].join('\n')
  },
}
