import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import { requestDb } from '../../lib/transaction-db'
import { type Principal, principalOf, tablesOf } from './principal'

export type TwoFactorState = {
  enabledAt: string | null
  /** A secret waiting for its first code (enrolment started, not confirmed). */
  hasSecret: boolean
  recoveryCodesLeft: number
}

type Row = { enabled_at: string | Date | null; has_secret: boolean; codes_left: number }

/**
 * Where the customer or staff member stands with two-factor, read past the fields' API-level
 * hiding: one statement on the row and its recovery codes (the Local API would build and run the
 * whole document with every array, on each account page).
 */
export async function readTwoFactorState(payload: Payload, subject: Principal | number): Promise<TwoFactorState> {
  const { collection, id } = principalOf(subject)
  const tables = tablesOf(collection)
  const { rows } = await (await requestDb(payload, undefined)).execute(sql`
    SELECT r.two_factor_enabled_at AS enabled_at, coalesce(r.totp_secret, '') <> '' AS has_secret,
      (SELECT count(*) FROM ${sql.identifier(tables.recoveryCodes)} c WHERE c._parent_id = r.id AND c.used_at IS NULL)::int AS codes_left
    FROM ${sql.identifier(tables.row)} r WHERE r.id = ${id}`)
  const row = rows[0] as Row | undefined
  return {
    enabledAt: row?.enabled_at ? new Date(row.enabled_at).toISOString() : null,
    hasSecret: Boolean(row?.has_secret),
    recoveryCodesLeft: Number(row?.codes_left ?? 0),
  }
}
