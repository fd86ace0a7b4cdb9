import { generate } from 'otplib'
import { afterEach, describe, expect, it } from 'vitest'

import { formatUserDate, isTimeZone } from '../../../src/account/profile/date-preferences'
import { generateRecoveryCodes, hashRecoveryCode } from '../../../src/account/two-factor/recovery-codes'
import { openSecret, sealSecret } from '../../../src/lib/secret-box'
import { newTotpSecret, verifyTotp } from '../../../src/account/two-factor/totp'

const env = { ...process.env }
afterEach(() => {
  process.env = { ...env }
})

describe('secret box', () => {
  it('round-trips, never stores the plaintext, and differs per seal', () => {
    process.env.TOTP_ENCRYPTION_KEY = 'unit-key'
    const sealed = sealSecret('JBSWY3DPEHPK3PXP')
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP')
    expect(sealSecret('JBSWY3DPEHPK3PXP')).not.toBe(sealed)
    expect(openSecret(sealed)).toBe('JBSWY3DPEHPK3PXP')
  })

  it('refuses a tampered value or another key', () => {
    process.env.TOTP_ENCRYPTION_KEY = 'unit-key'
    const sealed = sealSecret('JBSWY3DPEHPK3PXP')
    const [version, iv, tag, ciphertext] = sealed.split(':')
    const flipped = `${ciphertext[0] === 'A' ? 'B' : 'A'}${ciphertext.slice(1)}`
    expect(() => openSecret([version, iv, tag, flipped].join(':'))).toThrow()
    process.env.TOTP_ENCRYPTION_KEY = 'another-key'
    expect(() => openSecret(sealed)).toThrow()
  })

  it('falls back to a key derived from PAYLOAD_SECRET', () => {
    delete process.env.TOTP_ENCRYPTION_KEY
    process.env.PAYLOAD_SECRET = 'payload-secret'
    expect(openSecret(sealSecret('x'))).toBe('x')
  })
})

describe('totp', () => {
  it('accepts the current code and one step either side, not two, and not a replayed step', async () => {
    const secret = newTotpSecret()
    // One base instant for every code: read per call, a 30 s boundary falling between two calls made
    // "the same step" two different steps (seen failing in a fresh-clone run).
    // …and not in a step's last seconds, so the verifications below all run in the step the codes were made for.
    if ((Date.now() / 1000) % 30 > 27) await new Promise((resolve) => setTimeout(resolve, 3_500))
    const base = Math.floor(Date.now() / 1000)
    const at = (steps: number) => generate({ secret, epoch: base + steps * 30 })
    const now = await verifyTotp(secret, await at(0))
    expect(now).not.toBeNull()
    expect(await verifyTotp(secret, await at(-1))).not.toBeNull()
    expect(await verifyTotp(secret, await at(1))).not.toBeNull()
    expect(await verifyTotp(secret, await at(3))).toBeNull()
    expect(await verifyTotp(secret, await at(0), now)).toBeNull()
  })
})

describe('recovery codes', () => {
  it('are 10 distinct codes whose hash ignores case and dashes', () => {
    const codes = generateRecoveryCodes()
    expect(new Set(codes).size).toBe(10)
    expect(codes[0]).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/)
    expect(hashRecoveryCode(codes[0].toLowerCase().replace(/-/g, ' '))).toBe(hashRecoveryCode(codes[0]))
    expect(hashRecoveryCode(codes[0])).not.toContain(codes[0].replace(/-/g, ''))
  })
})

describe('date preferences', () => {
  it('validates IANA zones and formats in the person’s zone', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true)
    expect(isTimeZone('UTC')).toBe(true)
    expect(isTimeZone('Mars/Olympus')).toBe(false)
    expect(formatUserDate('2026-01-01T23:30:00Z', { locale: 'en-GB', timeZone: 'Asia/Tokyo' })).toBe('2 Jan 2026, 08:30')
  })
})
