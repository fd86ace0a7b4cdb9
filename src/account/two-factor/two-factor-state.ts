import type { Payload } from 'payload'

export type TwoFactorState = {
  enabledAt: string | null
  /** A secret waiting for its first code (enrolment started, not confirmed). */
  hasSecret: boolean
  recoveryCodesLeft: number
}

type Row = { id: number; twoFactorEnabledAt?: string | null; totpSecret?: string | null; recoveryCodes?: { usedAt?: string | null }[] | null }

/** Where the user stands with two-factor, read past the fields' API-level hiding. */
export async function readTwoFactorState(payload: Payload, userId: number): Promise<TwoFactorState> {
  const user = await payload.db.findOne<Row>({ collection: 'users', where: { id: { equals: userId } } })
  return {
    enabledAt: user?.twoFactorEnabledAt ?? null,
    hasSecret: Boolean(user?.totpSecret),
    recoveryCodesLeft: (user?.recoveryCodes ?? []).filter((code) => !code.usedAt).length,
  }
}
