import { sql } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'

import { requestDb } from '../../lib/transaction-db'
import { type AuthCollection, tablesOf } from '../two-factor/principal'

type SQL = ReturnType<typeof sql>

/** One entry of Payload's `users.sessions`: a token whose `sid` is listed here is accepted. */
export type SessionEntry = { id: string; createdAt?: string | Date | null; expiresAt: string | Date }

// `req` is required (undefined for no transaction) so a PayloadRequest can't pass for a Store by accident.
// `collection` says whose sessions (default: customers'; staff sessions live in `staff_sessions`).
type Store = { payload: Payload; req: PayloadRequest | undefined; collection?: AuthCollection }

/** How long a password-only sign-in may wait for its second factor. */
export const PENDING_SECOND_FACTOR_TTL_MS = 10 * 60 * 1000

/**
 * Runs on the transaction `req` carries, if any. Sessions are changed with SQL on Payload's
 * `users_sessions` table rather than `db.updateOne`: a partial update rewrites the user's other
 * array fields (it emptied the recovery codes), and a whole-document one would race with the
 * conditional UPDATE that spends a recovery code.
 */
async function execute({ payload, req }: Store, query: SQL) {
  return (await requestDb(payload, req)).execute(query)
}

/** Payload's sessions table of the store's collection, from the closed list in principal.ts. */
const sessionsTable = (store: Store) => sql.identifier(tablesOf(store.collection ?? 'users').sessions)

/** The `user-sessions` field naming whose device record it is. */
const ownerWhere = (store: Store, id: number) => ({ [store.collection === 'staff' ? 'staff' : 'user']: { equals: id } })

/** The user's live sessions, oldest first. */
export async function readSessions(store: Store, userId: number): Promise<SessionEntry[]> {
  const { rows } = await execute(store, sql`SELECT id, created_at, expires_at FROM ${sessionsTable(store)} WHERE _parent_id = ${userId} AND expires_at > now() ORDER BY _order`)
  return rows.map((row) => ({ id: String(row.id), createdAt: row.created_at as string | null, expiresAt: row.expires_at as string }))
}

/**
 * Payload's JWT strategy looks every request's `sid` up in this table, so removing a row refuses
 * that token on its next request, on every server instance. `keep` removes all but those.
 */
export async function removeSessions(store: Store, userId: number, which: { sids: string[] } | { keep: string[] }): Promise<void> {
  const ids = 'sids' in which ? which.sids : which.keep
  const list = ids.length ? sql.join(ids.map((id) => sql`${id}`), sql`, `) : sql`NULL`
  const match = 'sids' in which ? sql`id IN (${list})` : sql`id NOT IN (${list})`
  if ('sids' in which && ids.length === 0) return
  await execute(store, sql`DELETE FROM ${sessionsTable(store)} WHERE _parent_id = ${userId} AND ${match}`)
}

/** Makes a session valid (after its second factor). */
export async function addSession(store: Store, userId: number, session: SessionEntry): Promise<void> {
  await execute(
    store,
    sql`INSERT INTO ${sessionsTable(store)} (_order, _parent_id, id, created_at, expires_at)
        SELECT coalesce(max(_order), 0) + 1, ${userId}, ${session.id}, ${new Date(session.createdAt ?? Date.now()).toISOString()}, ${new Date(session.expiresAt).toISOString()}
          FROM ${sessionsTable(store)} WHERE _parent_id = ${userId}`,
  )
}

/**
 * Drops device records whose session is gone (expired, revoked), keeping `keep` and sign-ins still
 * within their window to give a second factor (they aren't in `users.sessions` yet).
 */
export async function pruneSessionRecords(store: Store, userId: number, keep: string[]): Promise<void> {
  const { payload, req } = store
  const pendingCutoff = new Date(Date.now() - PENDING_SECOND_FACTOR_TTL_MS).toISOString()
  await payload.delete({
    collection: 'user-sessions',
    where: {
      ...ownerWhere(store, userId),
      ...(keep.length ? { sid: { not_in: keep } } : {}),
      or: [{ pendingSecondFactor: { not_equals: true } }, { createdAt: { less_than: pendingCutoff } }],
    },
    overrideAccess: true,
    req,
  })
}

/** Every session and pending sign-in of the user ends (a password reset). */
export async function endAllSessions(store: Store, userId: number): Promise<void> {
  await removeSessions(store, userId, { keep: [] })
  await store.payload.delete({ collection: 'user-sessions', where: ownerWhere(store, userId), overrideAccess: true, req: store.req })
}
