import { portalLanguage } from '../../i18n/portal-language'
import { t } from '../../i18n/t'
import { portalUrl } from '../../lib/portal-url'

const escape = (value: string) => value.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`)

/**
 * The forgot-password email: a link to our /reset-password page (Payload's would point at the
 * admin), in the account's profile language, else the product's default (the invitation's rule).
 */
export function passwordResetEmail(token: string, profileLocale: string | null): { subject: string; text: string; html: string } {
  const locale = portalLanguage({ profile: profileLocale })
  const link = portalUrl(`/reset-password?token=${encodeURIComponent(token)}`)
  const lines = ['intro', 'expiry', 'ignore'].map((line) => t(`password.resetMail.${line}` as 'password.resetMail.intro', {}, locale))
  const action = t('password.resetMail.action', {}, locale)
  return {
    subject: t('password.resetMail.subject', {}, locale),
    text: [lines[0], `${action}: ${link}`, lines[1], lines[2]].join('\n\n'),
    html: [`<p>${escape(lines[0]!)}</p>`, `<p><a href="${escape(link)}">${escape(action)}</a></p>`, `<p>${escape(lines[1]!)}</p>`, `<p>${escape(lines[2]!)}</p>`].join('\n'),
  }
}
