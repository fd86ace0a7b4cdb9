import { randomUUID } from 'node:crypto'

import { exportJWK, generateKeyPair, SignJWT } from 'jose'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { createProductJwtAdapter, type ProductJwtOptions } from '../../src/auth/adapters/product-jwt-adapter'
import { resolvePortalSession } from '../../src/auth/portal-session'
import { testPayload } from '../helpers/payload'

const SECRET = 'product-shared-secret-for-tests-0123456789'
const options: ProductJwtOptions = { secret: SECRET, audience: 'portico', issuer: 'https://product.example', cookieName: 'product_session', emailVerifiedClaim: 'email_verified' }
const adapter = createProductJwtAdapter(options)

let payload: Payload

const sign = (claims: Record<string, unknown>, { audience = 'portico', expiresIn = '10m', secret = SECRET } = {}) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer('https://product.example')
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret))

const bearer = (token: string) => new Headers({ authorization: `Bearer ${token}` })
const cookie = (token: string) => new Headers({ cookie: `other=1; product_session=${token}` })
const claimsFor = () => {
  const id = randomUUID()
  return { sub: `prod-${id}`, email: `jwt-${id.slice(0, 8)}@example.test`, name: 'Jay Doe' }
}

beforeAll(async () => {
  payload = await testPayload()
})

describe('product-jwt session adapter', () => {
  it('accepts a valid token (bearer or cookie) and provisions the user once, on the first visit', async () => {
    const claims = claimsFor()
    const token = await sign(claims)
    const first = await adapter.authenticate({ payload, headers: bearer(token) })
    expect(first).toMatchObject({ email: claims.email, externalId: claims.sub, name: 'Jay Doe' })
    const second = await adapter.authenticate({ payload, headers: cookie(token) })
    expect(second?.id).toBe(first?.id)
    const { totalDocs } = await payload.count({ collection: 'users', where: { email: { equals: claims.email } } })
    expect(totalDocs).toBe(1)
  })

  it('links an existing user by email instead of creating a second one, when the token says the address is verified', async () => {
    const claims = { ...claimsFor(), email_verified: true }
    const existing = await payload.create({ collection: 'users', data: { email: claims.email, password: 'existing-pass-1' } })
    const user = await adapter.authenticate({ payload, headers: bearer(await sign(claims)) })
    expect(user?.id).toBe(existing.id)
    expect((await payload.findByID({ collection: 'users', id: existing.id })).externalId).toBe(claims.sub)
  })

  it('refuses to link by an unverified (or unstated) email, with a message, and leaves the account alone', async () => {
    for (const verified of [false, 'true', undefined]) {
      const claims = { ...claimsFor(), ...(verified === undefined ? {} : { email_verified: verified }) }
      const existing = await payload.create({ collection: 'users', data: { email: claims.email, password: 'existing-pass-1' } })
      await expect(adapter.authenticate({ payload, headers: bearer(await sign(claims)) })).rejects.toThrow(/verif/)
      expect((await payload.findByID({ collection: 'users', id: existing.id })).externalId ?? null).toBeNull()
    }
  })

  it('reads the verified flag from the configured claim', async () => {
    const custom = createProductJwtAdapter({ ...options, emailVerifiedClaim: 'https://product.example/verified' })
    const claims = { ...claimsFor(), 'https://product.example/verified': true }
    const existing = await payload.create({ collection: 'users', data: { email: claims.email, password: 'existing-pass-1' } })
    expect((await custom.authenticate({ payload, headers: bearer(await sign(claims)) }))?.id).toBe(existing.id)
  })

  it('rejects an expired token', async () => {
    const token = await sign(claimsFor(), { expiresIn: '-1m' })
    expect(await adapter.authenticate({ payload, headers: bearer(token) })).toBeNull()
  })

  it('rejects a token for another audience', async () => {
    const token = await sign(claimsFor(), { audience: 'some-other-app' })
    expect(await adapter.authenticate({ payload, headers: bearer(token) })).toBeNull()
  })

  it('rejects a token signed with another secret', async () => {
    const token = await sign(claimsFor(), { secret: 'not-the-shared-secret-0123456789abcdef' })
    expect(await adapter.authenticate({ payload, headers: bearer(token) })).toBeNull()
  })

  it('rejects an unsigned `alg: none` token', async () => {
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
    const now = Math.floor(Date.now() / 1000)
    const claims = claimsFor()
    const token = `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ ...claims, aud: 'portico', iss: 'https://product.example', iat: now, exp: now + 600 })}.`
    expect(await adapter.authenticate({ payload, headers: bearer(token) })).toBeNull()
    expect((await payload.count({ collection: 'users', where: { email: { equals: claims.email } } })).totalDocs).toBe(0)
  })

  it('verifies asymmetric tokens against a JWKS and refuses HS256 tokens then', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256')
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' }
    const jwksAdapter = createProductJwtAdapter({ jwks: { keys: [jwk] }, audience: 'portico', cookieName: 'product_session', emailVerifiedClaim: 'email_verified' })
    const claims = claimsFor()
    const token = await new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).setAudience('portico').setExpirationTime('5m').sign(privateKey)
    expect(await jwksAdapter.authenticate({ payload, headers: bearer(token) })).toMatchObject({ email: claims.email })
    expect(await jwksAdapter.authenticate({ payload, headers: bearer(await sign(claimsFor())) })).toBeNull()
  })

  it('feeds resolvePortalSession: no token, no session', async () => {
    expect(await resolvePortalSession(payload, new Headers(), adapter)).toBeNull()
  })
})
