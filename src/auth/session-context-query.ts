import { createHash } from 'node:crypto'

import type { PostgresAdapter } from '@payloadcms/db-postgres'
import { getTableColumns } from '@payloadcms/db-postgres/drizzle'
import type { Payload } from 'payload'

import type { User } from '../payload-types'

/**
 * One membership as the session statement returns it (role unchecked: the caller keeps known roles
 * only), with the organization's usage version ("0" before its first event; recordUsage bumps it),
 * so the usage reads' kept answers are checked without a round trip of their own.
 */
export type MembershipRow = { id: number; name: string; role: string; requireTwoFactor: boolean | null; usageVersion: string }

export type SessionContextRow = {
  /** The Payload user document as `findByID` (depth 0, hidden fields left out) returns it; null without a session id. */
  user: User | null
  /** Whether the token's session is still listed in `users.sessions` (false after a revocation). */
  sessionValid: boolean
  memberships: MembershipRow[]
  /** Changes whenever the rollout flags change (the row's writing transaction and its updatedAt). */
  flagsVersion: string | null
}

type UserColumn = { name: string; column: string; date: boolean }

// Field types stored as one column of the users row, read back unchanged but for dates (ISO strings).
const PLAIN_TYPES = new Set(['text', 'email', 'textarea', 'code', 'select', 'radio', 'number', 'checkbox', 'date', 'json'])

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`

/**
 * The users row's visible fields and their columns, from the collection config and drizzle's
 * schema, so a field someone adds is read without touching this file. Null when a field can't be
 * read as one column (a group, a relationship, an afterRead hook, a locale): the session then
 * comes from Payload's own strategy instead.
 */
function userColumns(payload: Payload): UserColumn[] | null {
  const adapter = payload.db as unknown as PostgresAdapter
  const table = adapter.tables[adapter.tableNameMap.get('users') ?? 'users']
  if (!table) return null
  const columns = getTableColumns(table) as Record<string, { name: string }>
  const config = payload.collections.users?.config
  if (!config || config.hooks.afterRead?.length) return null
  const result: UserColumn[] = [{ name: 'id', column: 'id', date: false }]
  for (const field of config.flattenedFields) {
    if (field.hidden) continue
    if (field.name === 'sessions' && field.type === 'array') continue
    const hasMany = 'hasMany' in field && field.hasMany
    const afterRead = 'hooks' in field && field.hooks?.afterRead?.length
    if (!PLAIN_TYPES.has(field.type) || hasMany || field.localized || afterRead || ('virtual' in field && field.virtual)) return null
    const column = columns[field.name]?.name
    if (!column) return null
    result.push({ name: field.name, column, date: field.type === 'date' })
  }
  // json_build_object takes at most 100 arguments.
  return result.length <= 45 ? result : null
}

function statementFor(columns: UserColumn[], withSession: boolean): string {
  const userObject = `json_build_object(${columns.map(({ name, column }) => `'${name}', u.${quote(column)}`).join(', ')})`
  const memberships = (userId: string) => `(SELECT coalesce(json_agg(json_build_object('id', o.id, 'name', o.name, 'role', m.role, 'requireTwoFactor', o.require_two_factor,
        'usageVersion', coalesce((SELECT v.version::text FROM metering_versions v WHERE v.organization_id = o.id), '0')) ORDER BY m.created_at, m.id), '[]'::json)
      FROM memberships m JOIN organizations o ON o.id = m.organization_id WHERE m.user_id = ${userId}) AS memberships`
  const flagsVersion = `(SELECT xmin::text || ':' || updated_at::text FROM portal_flags ORDER BY created_at DESC LIMIT 1) AS flags_version`
  if (!withSession) return `SELECT false AS session_valid, NULL::json AS "user", '[]'::json AS sessions, ${memberships('$1')}, ${flagsVersion}`
  // One row per (user, session) asked, in the order asked. The touch is a data-modifying CTE: it
  // runs (at most once a minute per session) in the same round trip.
  return `WITH asked AS (SELECT * FROM unnest($1::int[], $2::varchar[]) WITH ORDINALITY AS asked(user_id, sid, n)),
    session AS (SELECT asked.n, asked.sid FROM asked JOIN users_sessions s ON s._parent_id = asked.user_id AND s.id = asked.sid),
    touched AS (
      UPDATE user_sessions SET last_seen_at = now()
       WHERE sid IN (SELECT sid FROM session) AND (last_seen_at IS NULL OR last_seen_at < now() - interval '1 minute')
      RETURNING 1
    )
    SELECT EXISTS (SELECT 1 FROM session WHERE session.n = asked.n) AS session_valid,
      (SELECT ${userObject} FROM users u WHERE u.id = asked.user_id) AS "user",
      (SELECT coalesce(json_agg(json_build_object('id', s.id, 'createdAt', s.created_at, 'expiresAt', s.expires_at) ORDER BY s._order), '[]'::json)
         FROM users_sessions s WHERE s._parent_id = asked.user_id) AS sessions,
      ${memberships('asked.user_id')}, ${flagsVersion}, (SELECT count(*) FROM touched) AS touched
    FROM asked ORDER BY asked.n`
}

type Statement = { name: string; text: string }
type Prepared = { columns: UserColumn[]; withSession: Statement; withoutSession: Statement } | null

/**
 * Named, so each pooled connection parses the statement once and then only binds it: the text is
 * ~2 KB that PostgreSQL would otherwise parse and analyse on every signed-in request. The name
 * carries a digest of the text, since a connection refuses a name reused for another statement.
 */
const named = (text: string): Statement => ({ name: `portico-session-${createHash('sha256').update(text).digest('hex').slice(0, 16)}`, text })
const prepared = new WeakMap<Payload, Prepared>()

function prepare(payload: Payload): Prepared {
  if (!prepared.has(payload)) {
    const columns = userColumns(payload)
    prepared.set(payload, columns && { columns, withSession: named(statementFor(columns, true)), withoutSession: named(statementFor(columns, false)) })
  }
  return prepared.get(payload)!
}

const pool = (payload: Payload) => (payload.db as unknown as PostgresAdapter).pool

type Asked = { userId: number; sid: string; resolve: (row: Record<string, any>) => void; reject: (error: unknown) => void }
type Batching = { inFlight: number; waiting: Asked[] | null }
const batching = new WeakMap<Payload, Batching>()

/**
 * The session statement for many requests in one round trip. A request that finds none in flight
 * sends its own at once (an idle server's request waits for nothing); the requests that ask while
 * one is in flight are sent together at the end of this turn of the event loop (setImmediate,
 * after the turn's I/O callbacks). Under load each round trip costs the process a socket write and
 * PostgreSQL a wake-up, whatever it carries; at 20 concurrent requests those were a quarter of the
 * process's time. Each request's row is still read after the request arrived, so a revocation
 * committed before it is refused, as with a statement of its own.
 */
function askWithSession(payload: Payload, statement: Statement, userId: number, sid: string): Promise<Record<string, any>> {
  let state = batching.get(payload)
  if (!state) batching.set(payload, (state = { inFlight: 0, waiting: null }))
  const current = state
  const send = (asked: Asked[]) => {
    current.inFlight++
    pool(payload)
      .query({ ...statement, values: [asked.map((one) => one.userId), asked.map((one) => one.sid)] })
      .then(({ rows }) => asked.forEach((one, index) => one.resolve(rows[index])), (error) => asked.forEach((one) => one.reject(error)))
      .finally(() => current.inFlight--)
  }
  return new Promise((resolve, reject) => {
    const one = { userId, sid, resolve, reject }
    if (current.inFlight === 0 && !current.waiting) return send([one])
    if (current.waiting) return current.waiting.push(one)
    const asked = (current.waiting = [one])
    setImmediate(() => {
      current.waiting = null
      send(asked)
    })
  })
}

/** Whether the users collection can be read by the session statement (see userColumns). */
export const canReadUserInSessionStatement = (payload: Payload): boolean => prepare(payload) !== null

const isoDate = (value: unknown) => (value === null || value === undefined ? value : new Date(value as string).toISOString())

/**
 * Everything a request needs to know about its caller, in one statement: the session is still
 * valid, the user, their memberships with each organization's name, two-factor rule and usage version, and the
 * rollout flags' version; with a session id, it also marks the session seen (once a minute).
 * Without a session id (the product-jwt adapter found the user itself) only memberships and flags.
 */
export async function readSessionContext(payload: Payload, userId: number, sid: string | null): Promise<SessionContextRow> {
  const statements = prepare(payload)
  if (!statements) throw new Error('The users collection has fields the session statement cannot read.')
  const row = sid
    ? await askWithSession(payload, statements.withSession, userId, sid)
    : (await pool(payload).query({ ...statements.withoutSession, values: [userId] })).rows[0]
  let user: User | null = null
  if (row.user) {
    const doc: Record<string, unknown> = {}
    for (const { name, date } of statements.columns) doc[name] = date ? isoDate(row.user[name]) : row.user[name]
    doc.sessions = (row.sessions as Array<{ id: string; createdAt: string | null; expiresAt: string }>).map((session) => ({
      id: session.id,
      createdAt: isoDate(session.createdAt),
      expiresAt: isoDate(session.expiresAt),
    }))
    user = doc as unknown as User
  }
  return { user, sessionValid: row.session_valid === true, memberships: row.memberships, flagsVersion: row.flags_version ?? null }
}
