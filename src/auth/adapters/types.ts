import type { Payload } from 'payload'

import type { User } from '../../payload-types'

export type SessionInput = { payload: Payload; headers: Headers }

/** A signed-in customer, typed the way Payload's Local API wants its `user` (access runs as them). */
export type PortalUser = User & { collection: 'users' }

/** Resolves the product's session to a Portico customer, or null when nobody is signed in. */
export type SessionAdapter = {
  name: 'payload' | 'product-jwt'
  authenticate: (input: SessionInput) => Promise<PortalUser | null>
}
