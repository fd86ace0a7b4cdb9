import type { Payload, PayloadRequest } from 'payload'

import { inLockedTransaction } from '../lib/advisory-lock'

/**
 * Runs a change to an organization's keys (create, rotate, revoke, the lifetime cap) in one
 * transaction holding the organization's API-key lock: two rotations of one key, or a create
 * racing a tighter cap, run one after the other and each reads what the other committed.
 */
export async function inApiKeyTransaction<T>(payload: Payload, organizationId: number, work: (req: PayloadRequest) => Promise<T>): Promise<T> {
  return inLockedTransaction(payload, { namespace: 'apiKeys', key: organizationId }, work)
}
