/**
 * Who a second factor belongs to: a customer (`users`) or a support staff member (`staff`). Both
 * auth collections carry the same two-factor fields, so one module serves both; the tables are
 * named from this closed list (never from input) when the module goes past the Local API.
 */
export type AuthCollection = 'users' | 'staff'

export type Principal = { collection: AuthCollection; id: number }

/** A bare id is a customer: the portal's callers predate staff two-factor. */
export const principalOf = (subject: Principal | number): Principal => (typeof subject === 'number' ? { collection: 'users', id: subject } : subject)

export const isAuthCollection = (value: unknown): value is AuthCollection => value === 'users' || value === 'staff'

const TABLES = {
  users: { row: 'users', recoveryCodes: 'users_recovery_codes', sessions: 'users_sessions' },
  staff: { row: 'staff', recoveryCodes: 'staff_recovery_codes', sessions: 'staff_sessions' },
} as const satisfies Record<AuthCollection, Record<string, string>>

export const tablesOf = (collection: AuthCollection) => TABLES[collection]
