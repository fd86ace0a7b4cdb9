import type { Payload } from 'payload'

import { type Principal, principalOf } from './principal'

export type TwoFactorState = {
  enabledAt: string | null
  /** A secret waiting for its first code (enrolment started, not confirmed). */
  hasSecret: boolean
  recoveryCodesLeft: number
}

type Row = { id: number; twoFactorEnabledAt?: string | null; totpSecret?: string | null; recoveryCodes?: { usedAt?: string | null }[] | null }

/** Where the customer or staff member stands with two-factor, read past the fields' API-level hiding. */
export async function readTwoFactorState(payload: Payload, subject: Principal | number): Promise<TwoFactorState> {
  const { collection, id } = principalOf(subject)
  const row = await payload.db.findOne<Row>({ collection, where: { id: { equals: id } } })
  return {
    enabledAt: row?.twoFactorEnabledAt ?? null,
    hasSecret: Boolean(row?.totpSecret),
    recoveryCodesLeft: (row?.recoveryCodes ?? []).filter((code) => !code.usedAt).length,
  }
}
