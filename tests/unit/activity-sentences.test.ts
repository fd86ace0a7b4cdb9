import { describe, expect, it } from 'vitest'

import { AUDIT_ACTIONS } from '../../src/audit/audit-actions'
import { describeActivity, hasSentence } from '../../src/audit/describe-activity'
import { LOCALES } from '../../src/i18n/t'
import type { PortalAudit } from '../../src/payload-types'

const entry = (fields: Partial<PortalAudit>): PortalAudit =>
  ({ id: 1, action: 'account.created', actorKind: 'customer', actorUser: 7, actorLabel: 'olivia@demo.test', organization: 1, entityType: 'organizations', entityId: '1', before: null, after: null, createdAt: '2026-12-01T10:00:00.000Z', updatedAt: '2026-12-01T10:00:00.000Z', ...fields }) as PortalAudit

const names = { users: { 7: 'Olivia', 12: 'Noah', 1: 'Ada' } as Record<number, string>, memberships: { 30: 12 } as Record<number, number> }
const describeIn = (locale: (typeof LOCALES)[number], fields: Partial<PortalAudit>) => describeActivity(entry(fields), { names, format: { locale, timeZone: 'UTC' }, organizationName: 'Demo Co' })

describe('every audit action reads as a sentence', () => {
  it.each(LOCALES)('in %s, each action in the union has its own sentence, with every placeholder filled', (locale) => {
    const missing = AUDIT_ACTIONS.filter((action) => !hasSentence(action, locale))
    expect(missing).toEqual([])
    for (const action of AUDIT_ACTIONS) {
      const { sentence } = describeIn(locale, { action, entityType: 'memberships', entityId: '30', before: { role: 'member' }, after: { role: 'admin' } })
      expect(sentence, action).not.toMatch(/[{}]|activity\.|_/)
      expect(sentence.length, action).toBeGreaterThan(5)
    }
  })

  it('an action outside the catalog still renders, naming the action instead of failing', () => {
    expect(describeIn('en', { action: 'something.new' }).sentence).toBe('Olivia made a change (something.new)')
  })
})

describe('the sentences say what happened, with names', () => {
  it('a billing email change names the person and both addresses', () => {
    const line = describeIn('en', { action: 'organization.billing_email_changed', before: { billingEmail: 'a@x.test' }, after: { billingEmail: 'b@x.test' } })
    expect(line.sentence).toBe('Olivia changed the billing email from a@x.test to b@x.test')
    expect(line.changes).toEqual([])
  })

  it('an ownership transfer names both owners instead of their ids', () => {
    const line = describeIn('en', { action: 'ownership.transferred', before: { ownerUser: 7, newOwnerRole: 'admin' }, after: { ownerUser: 12, previousOwnerRole: 'admin' } })
    expect(line.sentence).toBe('Olivia handed ownership from Olivia to Noah')
    expect(line.sentence).not.toMatch(/\d/)
  })

  it('a role change names the member of the membership and both roles, in German too', () => {
    const fields = { action: 'member.role_changed', entityType: 'memberships', entityId: '30', before: { role: 'member' }, after: { role: 'admin' } }
    expect(describeIn('en', fields).sentence).toBe('Olivia changed Noah’s role from Member to Admin')
    expect(describeIn('de', fields).sentence).toBe('Olivia hat die Rolle von Noah von Mitglied zu Admin geändert')
  })

  it('a card row shows the old and the new card (Stripe stores the card itself before, the field after)', () => {
    const card = (last4: string, stripeId: string) => ({ stripeId, brand: 'visa', last4, expMonth: 12, expYear: 2030 })
    const line = describeIn('en', { action: 'billing.payment_method_changed', actorKind: 'stripe', actorUser: null, before: card('4242', 'pm_1'), after: { paymentMethod: card('1881', 'pm_2') } })
    expect(line.sentence).toBe('Stripe changed the card from visa ending 4242 to visa ending 1881')
  })

  it('a tax ID row lists the IDs that changed and each verification status', () => {
    const details = (taxIds: { type: string; value: string; stripeId: string }[]) => ({ billingName: 'Demo Co', billingEmail: 'billing@demo.test', address: { line1: 'Main St 1', line2: null, city: 'Berlin', postalCode: '10115', state: null, country: 'DE' }, taxIds })
    const line = describeIn('en', { action: 'organization.billing_details_changed', before: details([]), after: details([{ type: 'eu_vat', value: 'DE123456789', stripeId: 'txi_1' }]) })
    expect(line.sentence).toBe('Olivia changed the billing details')
    expect(line.changes).toEqual(['Tax IDs: — → DE123456789 (EU VAT)'])
    const verification = describeIn('en', { action: 'billing.tax_id_verification_changed', actorKind: 'stripe', before: { verification: { DE123456789: 'pending' } }, after: null })
    expect(verification.changes).toEqual(['Verification of DE123456789: pending → —'])
  })

  it('dates in the changes follow the reader’s locale and time zone', () => {
    const line = describeActivity(entry({ action: 'invitation.resent', entityType: 'invitations', before: { expiresAt: '2026-12-08T10:00:00.000Z' }, after: { expiresAt: '2026-12-15T10:00:00.000Z' } }), {
      names,
      format: { locale: 'de', formatLocale: 'de-DE', timeZone: 'Europe/Berlin' },
      organizationName: 'Demo Co',
    })
    expect(line.changes).toEqual(['Läuft ab: 08.12.2026, 11:00 → 15.12.2026, 11:00'])
  })
})
