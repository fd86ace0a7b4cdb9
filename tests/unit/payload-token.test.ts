import { SignJWT } from 'jose'
import { JWT_AUTH_VERSION, type Payload } from 'payload'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { verifyPayloadToken } from '../../src/auth/adapters/payload-token'

// Only what token extraction reads: the header order and the cookie settings.
const payloadWith = (secret: string) => ({ secret, config: { auth: { jwtOrder: ['JWT'] }, cookiePrefix: 'payload', csrf: [] } }) as unknown as Payload

// As Payload's jwtSign writes them (payload/dist/auth/jwt.js).
const sign = (secret: string, expiresInSeconds: number) =>
  new SignJWT({ id: 7, collection: 'users', sid: 'session-1' })
    .setProtectedHeader({ alg: 'HS256', authVersion: JWT_AUTH_VERSION, typ: 'JWT' })
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + expiresInSeconds)
    .sign(new TextEncoder().encode(secret))

const headers = (token: string) => new Headers({ Authorization: `JWT ${token}` })

describe('verifyPayloadToken', () => {
  afterEach(() => vi.useRealTimers())

  it('names the user and session of a genuine token, again on a repeat', async () => {
    const token = await sign('secret-a', 3_600)
    const payload = payloadWith('secret-a')
    expect(await verifyPayloadToken(payload, headers(token))).toEqual({ id: 7, collection: 'users', sid: 'session-1' })
    expect(await verifyPayloadToken(payload, headers(token))).toEqual({ id: 7, collection: 'users', sid: 'session-1' })
  })

  it('refuses a token it verified once after the token expires', async () => {
    vi.useFakeTimers({ now: new Date('2026-03-01T12:00:00Z'), toFake: ['Date'] })
    const token = await sign('secret-b', 60)
    const payload = payloadWith('secret-b')
    expect(await verifyPayloadToken(payload, headers(token))).not.toBeNull()
    vi.setSystemTime(new Date('2026-03-01T12:01:00Z'))
    expect(await verifyPayloadToken(payload, headers(token))).toBeNull()
  })

  it('refuses a token verified under another secret, and a tampered one', async () => {
    const token = await sign('secret-c', 3_600)
    expect(await verifyPayloadToken(payloadWith('secret-c'), headers(token))).not.toBeNull()
    expect(await verifyPayloadToken(payloadWith('secret-other'), headers(token))).toBeNull()
    const [head, body, signature] = token.split('.')
    const flipped = `${signature![0] === 'A' ? 'B' : 'A'}${signature!.slice(1)}`
    expect(await verifyPayloadToken(payloadWith('secret-c'), headers(`${head}.${body}.${flipped}`))).toBeNull()
  })
})
