import { createHash } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { hashSingleUseToken, looksLikeSingleUseToken, newSingleUseToken } from '../../src/lib/single-use-token'
import { invitationExpiresAt } from '../../src/team/invitation-expires-at'

describe('single-use tokens (invitations, email change, password reset)', () => {
  it('are 32 random bytes, base64url, different every time', () => {
    const tokens = Array.from({ length: 50 }, newSingleUseToken)
    expect(new Set(tokens).size).toBe(50)
    for (const token of tokens) {
      expect(Buffer.from(token, 'base64url')).toHaveLength(32)
      expect(looksLikeSingleUseToken(token)).toBe(true)
    }
  })

  it('are stored as their sha256 hex digest, never as themselves', () => {
    const token = newSingleUseToken()
    const hash = hashSingleUseToken(token)
    expect(hash).toBe(createHash('sha256').update(token).digest('hex'))
    expect(hash).not.toContain(token)
    expect(hashSingleUseToken(token)).toBe(hash)
  })

  it('anything that is not shaped like a token is rejected before any lookup', () => {
    for (const value of ['', 'invalid', 'x'.repeat(42), 'x'.repeat(44), `${'x'.repeat(42)}/`, `${'x'.repeat(42)}=`]) expect(looksLikeSingleUseToken(value)).toBe(false)
  })

  it('expire after INVITATION_TTL_DAYS, 7 days by default or when the setting is unusable', () => {
    const now = new Date('2026-01-01T00:00:00Z')
    expect(invitationExpiresAt(now, {}).toISOString()).toBe('2026-01-08T00:00:00.000Z')
    expect(invitationExpiresAt(now, { INVITATION_TTL_DAYS: '2' }).toISOString()).toBe('2026-01-03T00:00:00.000Z')
    expect(invitationExpiresAt(now, { INVITATION_TTL_DAYS: '0.5' }).toISOString()).toBe('2026-01-01T12:00:00.000Z')
    for (const bad of ['0', '-3', 'soon', '']) expect(invitationExpiresAt(now, { INVITATION_TTL_DAYS: bad }).toISOString()).toBe('2026-01-08T00:00:00.000Z')
  })
})
