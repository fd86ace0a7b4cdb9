import type { Payload } from 'payload'

import type { User } from '../../payload-types'

export type SessionInput = { payload: Payload; headers: Headers }

/** Resolves the product's session to a Portico customer, or null when nobody is signed in. */
export type SessionAdapter = {
  name: 'payload' | 'product-jwt'
  authenticate: (input: SessionInput) => Promise<User | null>
}
