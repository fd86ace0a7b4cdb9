import { describe, expect, it } from 'vitest'

import { ROLES } from '../../src/access/roles'
import { EVENT_CATALOG, EVENT_TYPES, eventTypesFor } from '../../src/notifications/event-catalog'

describe('event catalog', () => {
  it('names every event "resource.verb"', () => {
    for (const type of EVENT_TYPES) expect(type).toMatch(/^[a-z_]+\.[a-z_]+$/)
  })

  it('gives the events support cares most about email and in-app for owners and admins, and Slack for all', () => {
    const loud = ['member.role_changed', 'member.removed', 'ownership.transferred', 'organization.billing_email_changed', 'billing.payment_method_changed', 'billing.plan_changed', 'api_key.created', 'api_key.revoked'] as const
    for (const type of loud) {
      expect(EVENT_CATALOG[type].defaults).toEqual({ email: true, in_app: true })
      expect(EVENT_CATALOG[type].recipients).toEqual(expect.arrayContaining(['owner', 'admin']))
    }
    for (const type of EVENT_TYPES) expect(EVENT_CATALOG[type].slack).toBe(true)
  })

  it('offers every role the events about themselves, and team events only to those who receive them', () => {
    for (const role of ROLES) expect(eventTypesFor(role)).toEqual(expect.arrayContaining(['account.password_changed', 'member.role_changed']))
    expect(eventTypesFor('viewer')).not.toContain('api_key.created')
    expect(eventTypesFor('admin')).toContain('api_key.created')
  })
})
