import { pbkdf2 } from 'node:crypto'
import { promisify } from 'node:util'

import { APIError, type CollectionAfterLoginHook, type CollectionBeforeOperationHook } from 'payload'

import { clientAddress, UNKNOWN_CLIENT } from '../lib/rate-limit/client-address'
import { clearLimit, consumeClientLimit, consumeLimit, RateLimited, refundLimit } from '../lib/rate-limit/rate-limit'

const derive = promisify(pbkdf2)

/** Payload's current password hashing (pbkdf2-sha256, 600,000 iterations, 32 bytes): what a real check costs. */
const hashLikePayload = (password: string) => derive(password, 'portico-timing-equaliser', 600_000, 32, 'sha256')

const emailOf = (args: unknown): string => String((args as { data?: { email?: unknown } }).data?.email ?? '').trim().toLowerCase()

/**
 * Every login — portal form, REST, GraphQL (each alias is one operation) — for customers and
 * staff alike: counted per client, per account and client, per account, and answered 429 once a
 * budget is used up; a success gives its points back (clearLoginThrottle). An address with no account costs the same password check as one with an
 * account, so the answer time doesn't tell which addresses exist.
 */
export const throttleLogin: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  if (operation !== 'login') return args
  const email = emailOf(args)
  const client = clientAddress(req.headers)
  try {
    await consumeClientLimit(req.payload, 'sign-in:client', req.headers, [collection.slug])
    await consumeLimit(req.payload, 'sign-in:account-client', [collection.slug, email, client])
    await consumeLimit(req.payload, 'sign-in:account', [collection.slug, email])
  } catch (error) {
    if (error instanceof RateLimited) throw new APIError(error.message, 429, { retryAfter: error.retryAfter }, true)
    throw error
  }
  const { totalDocs } = await req.payload.count({ collection: collection.slug as 'users' | 'staff', where: { email: { equals: email } }, overrideAccess: true })
  if (totalDocs === 0) await hashLikePayload(String((args as { data?: { password?: unknown } }).data?.password ?? ''))
  return args
}

/** A successful sign-in costs nothing and clears its account-and-client counter: the owner's own typos don't add up. */
export const clearLoginThrottle: CollectionAfterLoginHook = async ({ collection, req, user }) => {
  const email = String(user.email ?? '').toLowerCase()
  const client = clientAddress(req.headers)
  if (client !== UNKNOWN_CLIENT) await refundLimit(req.payload, 'sign-in:client', [collection.slug, client])
  await refundLimit(req.payload, 'sign-in:account', [collection.slug, email])
  await clearLimit(req.payload, 'sign-in:account-client', [collection.slug, email, client])
  return user
}
