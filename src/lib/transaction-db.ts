import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'

type Drizzle = PostgresAdapter['drizzle']

/** The drizzle transaction behind `req`, if it carries one (see @payloadcms/drizzle getTransaction). */
async function openTransaction(req: PayloadRequest): Promise<Drizzle | undefined> {
  const transactionID = await req.transactionID
  const adapter = req.payload.db as unknown as PostgresAdapter
  return (transactionID === undefined ? undefined : adapter.sessions[String(transactionID)]?.db) as Drizzle | undefined
}

/**
 * The drizzle transaction behind `req`. Raw SQL that must act inside the request's transaction
 * (row and advisory locks) runs on it, or it would guard nothing.
 */
export async function transactionDb(req: PayloadRequest): Promise<Drizzle> {
  const db = await openTransaction(req)
  if (!db) throw new Error('This needs a database transaction: call it inside withTransaction.')
  return db
}

/** The transaction `req` carries when there is one, else the pool: raw SQL that may run either way. */
export async function requestDb(payload: Payload, req: PayloadRequest | undefined): Promise<Drizzle> {
  return (req && (await openTransaction(req))) || (payload.db as unknown as PostgresAdapter).drizzle
}
