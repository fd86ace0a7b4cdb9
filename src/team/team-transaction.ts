import type { Payload, PayloadRequest } from 'payload'

import { inLockedTransaction } from '../lib/advisory-lock'

/**
 * Runs a team change in one transaction holding the organization's team lock. Every team write
 * (invite, accept, role change, removal, transfer, leave) takes it first, so they serialize per
 * organization: two role changes both apply and both audit in order, two transfers leave exactly
 * one owner, a seat can't be taken twice. `work` must read what it checks (roles, statuses,
 * counts) after the lock.
 *
 * The transaction runs without a Payload user: the domain has already decided with `canPerform`,
 * and the membership hooks that guard direct REST writes would otherwise refuse the owner's own
 * demotion that a transfer needs.
 */
export async function inTeamTransaction<T>(payload: Payload, organizationId: number, work: (req: PayloadRequest) => Promise<T>): Promise<T> {
  return inLockedTransaction(payload, { namespace: 'team', key: organizationId }, work)
}
