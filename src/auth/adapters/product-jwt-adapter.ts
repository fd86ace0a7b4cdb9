import { randomBytes } from 'node:crypto'
import { createLocalJWKSet, createRemoteJWKSet, type JWTPayload, jwtVerify, type JWTVerifyGetKey } from 'jose'
import type { Payload } from 'payload'
import { parseCookies } from 'payload/shared'

import { t } from '../../i18n/t'
import { PortalError } from '../../lib/api/portal-error'
import type { User } from '../../payload-types'
import type { SessionAdapter } from './types'

export type ProductJwtOptions = {
  /** HS256 shared secret, or a JWKS (URL or inline set) for asymmetric keys. */
  secret?: string
  jwksUrl?: string
  jwks?: Parameters<typeof createLocalJWKSet>[0]
  issuer?: string
  audience: string
  cookieName: string
  /** The claim that says the product verified `email` (OIDC's `email_verified`); linking by email needs it `true`. */
  emailVerifiedClaim: string
}

type ProductClaims = JWTPayload & { email?: string; name?: string }

function readToken(headers: Headers, cookieName: string): string | null {
  const bearer = headers.get('authorization')?.match(/^Bearer\s+(.+)$/i)?.[1]
  return bearer ? bearer.trim() : (parseCookies(headers).get(cookieName) ?? null)
}

function keyFor(options: ProductJwtOptions): { key: Uint8Array | JWTVerifyGetKey; algorithms: string[] } {
  if (options.secret) return { key: new TextEncoder().encode(options.secret), algorithms: ['HS256'] }
  const asymmetric = ['RS256', 'PS256', 'ES256', 'EdDSA']
  if (options.jwks) return { key: createLocalJWKSet(options.jwks), algorithms: asymmetric }
  if (options.jwksUrl) return { key: createRemoteJWKSet(new URL(options.jwksUrl)), algorithms: asymmetric }
  throw new Error('product-jwt needs PRODUCT_JWT_SECRET or PRODUCT_JWT_JWKS_URL')
}

/**
 * The product's signed JWT is the session. Verification pins the algorithms (so `alg: none` and
 * HS/RS confusion are refused), the audience, the issuer when set, and expiry.
 */
export async function verifyProductToken(token: string, options: ProductJwtOptions): Promise<ProductClaims | null> {
  const { key, algorithms } = keyFor(options)
  try {
    const checks = { algorithms, audience: options.audience, issuer: options.issuer }
    // jose types its key-set and raw-key overloads separately.
    const { payload } = typeof key === 'function' ? await jwtVerify(token, key, checks) : await jwtVerify(token, key, checks)
    return payload.sub ? (payload as ProductClaims) : null
  } catch {
    return null
  }
}

async function findUser(payload: Payload, claims: ProductClaims, options: ProductJwtOptions): Promise<User | null> {
  const byExternalId = await payload.find({ collection: 'users', where: { externalId: { equals: claims.sub } }, limit: 1, depth: 0, overrideAccess: true })
  if (byExternalId.docs[0]) return byExternalId.docs[0]
  if (!claims.email) return null
  const byEmail = await payload.find({ collection: 'users', where: { email: { equals: claims.email.toLowerCase() } }, limit: 1, depth: 0, overrideAccess: true })
  const existing = byEmail.docs[0]
  if (!existing) return null
  // A product that lets people sign up with an unverified address would otherwise hand this
  // account to whoever typed its email there first.
  if (claims[options.emailVerifiedClaim] !== true) throw new PortalError('forbidden', t('auth.error.unverifiedEmailLink'))
  return payload.update({ collection: 'users', id: existing.id, data: { externalId: claims.sub }, depth: 0, overrideAccess: true })
}

/**
 * Maps verified claims to a Portico user: by external id, then by email (linking the two, only when
 * the token says the product verified that address; refused otherwise), else
 * provisions one on first visit. Provisioning runs as the system: the token is the proof.
 */
async function userForClaims(payload: Payload, claims: ProductClaims, options: ProductJwtOptions): Promise<User | null> {
  const found = await findUser(payload, claims, options)
  if (found || !claims.email) return found
  try {
    return await payload.create({
      collection: 'users',
      data: { email: claims.email, name: claims.name, externalId: claims.sub, password: randomBytes(32).toString('base64url') },
      depth: 0,
      overrideAccess: true,
    })
  } catch {
    // Two first requests at once: the other one created the user.
    return findUser(payload, claims, options)
  }
}

export function createProductJwtAdapter(options: ProductJwtOptions): SessionAdapter {
  return {
    name: 'product-jwt',
    async authenticate({ payload, headers }) {
      const token = readToken(headers, options.cookieName)
      if (!token) return null
      const claims = await verifyProductToken(token, options)
      const user = claims ? await userForClaims(payload, claims, options) : null
      return user ? { ...user, collection: 'users' } : null
    },
  }
}

export const productJwtOptionsFromEnv = (env: NodeJS.ProcessEnv = process.env): ProductJwtOptions => ({
  secret: env.PRODUCT_JWT_SECRET || undefined,
  jwksUrl: env.PRODUCT_JWT_JWKS_URL || undefined,
  issuer: env.PRODUCT_JWT_ISSUER || undefined,
  audience: env.PRODUCT_JWT_AUDIENCE || 'portico',
  cookieName: env.PRODUCT_JWT_COOKIE || 'product_session',
  emailVerifiedClaim: env.PRODUCT_JWT_EMAIL_VERIFIED_CLAIM || 'email_verified',
})
