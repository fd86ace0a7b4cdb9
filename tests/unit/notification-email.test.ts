import { describe, expect, it } from 'vitest'

import type { EventMessage } from '../../src/notifications/describe-event'
import { notificationEmail } from '../../src/notifications/email/notification-email'

const message: EventMessage = {
  title: 'A member’s role changed',
  organizationName: 'Demo Co',
  actor: 'owner@demo.test',
  changes: ['role: member → admin'],
  subject: 'Mia Member',
  adminUrl: 'http://localhost:3000/admin/collections/portal-audit/1',
}
const toAccount = { url: 'http://localhost:3000/account', activity: false }
const toActivity = { url: 'http://localhost:3000/account/activity', activity: true }

describe('a notification email speaks the recipient’s language', () => {
  it('is German for a recipient whose profile is de-DE', () => {
    const email = notificationEmail({ eventType: 'member.role_changed', message, link: toAccount, recipientLocale: 'de-DE' })
    expect(email.subject).toBe('Die Rolle eines Mitglieds wurde geändert · Demo Co')
    expect(email.text).toBe(['Demo Co: Die Rolle eines Mitglieds wurde geändert.', 'Von: owner@demo.test', 'Betrifft: Mia Member', 'role: member → admin', '', 'Ihr Konto öffnen: http://localhost:3000/account', ''].join('\n'))
    expect(notificationEmail({ eventType: 'api_key.created', message: { ...message, subject: null, changes: [] }, link: toActivity, recipientLocale: 'de-AT' }).text).toContain('Die Aktivität Ihrer Organisation ansehen: http://localhost:3000/account/activity')
  })

  it('stays English for an English profile, an address with no account, and an unknown language', () => {
    for (const recipientLocale of ['en-GB', null, 'fr-FR']) {
      const email = notificationEmail({ eventType: 'member.role_changed', message, link: toAccount, recipientLocale })
      expect(email.subject).toBe('A member’s role changed · Demo Co')
      expect(email.text).toContain('By: owner@demo.test\nAbout: Mia Member\nrole: member → admin\n\nOpen your account: http://localhost:3000/account\n')
    }
  })

  it('falls back to the recorded title for an event type the catalog no longer has, and drops the organization when there is none', () => {
    const email = notificationEmail({ eventType: 'legacy.thing', message: { ...message, title: 'legacy.thing', organizationName: null }, link: toAccount, recipientLocale: 'de-DE' })
    expect(email.subject).toBe('legacy.thing')
    expect(email.text.split('\n')[0]).toBe('legacy.thing.')
  })
})
