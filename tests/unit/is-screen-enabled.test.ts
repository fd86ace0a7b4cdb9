import { describe, expect, it } from 'vitest'

import { isScreenEnabled, rolloutBucket } from '../../src/flags/is-screen-enabled'

describe('isScreenEnabled', () => {
  it('keeps core screens on whatever the flags say', () => {
    expect(isScreenEnabled({}, 'account', 1)).toBe(true)
  })

  it('never enables a screen outside the signed scope', () => {
    expect(isScreenEnabled({ ['refunds' as 'team']: { mode: 'all' } }, 'refunds', 1)).toBe(false)
  })

  it('treats an unsaved flag as on, and honours off / all', () => {
    expect(isScreenEnabled({}, 'team', 1)).toBe(true)
    expect(isScreenEnabled({ team: { mode: 'off' } }, 'team', 1)).toBe(false)
    expect(isScreenEnabled({ team: { mode: 'all' } }, 'team', 1)).toBe(true)
  })

  it('limits a listed rollout to the listed organizations (ids or populated docs)', () => {
    const flags = { billing: { mode: 'organizations' as const, organizations: [3, { id: 7 }] } }
    expect(isScreenEnabled(flags, 'billing', 3)).toBe(true)
    expect(isScreenEnabled(flags, 'billing', 7)).toBe(true)
    expect(isScreenEnabled(flags, 'billing', 4)).toBe(false)
  })

  it('rolls a percentage out by a stable hash: the same organizations stay in as it grows', () => {
    const organizations = Array.from({ length: 2000 }, (_, index) => index + 1)
    const at = (percentage: number) =>
      new Set(organizations.filter((id) => isScreenEnabled({ usage: { mode: 'percentage', percentage } }, 'usage', id)))
    const twenty = at(20)
    const fifty = at(50)
    expect(twenty.size / organizations.length).toBeGreaterThan(0.17)
    expect(twenty.size / organizations.length).toBeLessThan(0.23)
    for (const id of twenty) expect(fifty.has(id)).toBe(true)
    expect(at(0).size).toBe(0)
    expect(at(100).size).toBe(organizations.length)
  })

  it('buckets independently per screen', () => {
    const differing = Array.from({ length: 200 }, (_, id) => id).filter((id) => rolloutBucket('usage', id) !== rolloutBucket('billing', id))
    expect(differing.length).toBeGreaterThan(150)
  })
})
