import { AsyncLocalStorage } from 'node:async_hooks'

import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

type Recording = { statements: string[]; open: boolean }

type Queryable = { query: (...args: any[]) => any }
type PoolLike = Queryable & { connect: (...args: any[]) => any }

const storage = new AsyncLocalStorage<Recording>()
const installed = new WeakSet<object>()
const wrappedClients = new WeakSet<object>()
// Clients a caller checked out itself (a transaction); the pool's own checkout for `pool.query` is counted once, at `pool.query`.
const checkedOut = new WeakSet<object>()

const textOf = (query: unknown): string => (typeof query === 'string' ? query : String((query as { text?: unknown })?.text ?? query))

function record(query: unknown) {
  const recording = storage.getStore()
  if (recording?.open) recording.statements.push(textOf(query).replace(/\s+/g, ' ').trim())
}

function wrapClient(client: Queryable & { release?: (...args: any[]) => any }) {
  if (wrappedClients.has(client)) return
  wrappedClients.add(client)
  const query = client.query.bind(client)
  client.query = (...args: any[]) => {
    if (checkedOut.has(client)) record(args[0])
    return query(...args)
  }
}

/**
 * Counts the SQL statements sent through Payload's pg pool (every Local API call, drizzle
 * transaction and raw `pool.query`), attributed to the async context that sent them. Counted at
 * the call, in the caller's context: pg-pool runs a queued `pool.query` in whichever context
 * freed a client, so counting at the client would credit another request's statement.
 */
export function installStatementCounter(payload: Payload): void {
  const pool = (payload.db as unknown as PostgresAdapter).pool as unknown as PoolLike
  if (installed.has(pool)) return
  installed.add(pool)
  const query = pool.query.bind(pool)
  pool.query = (...args: any[]) => {
    record(args[0])
    return query(...args)
  }
  const connect = pool.connect.bind(pool)
  pool.connect = (...args: any[]) => {
    // With a callback it is pool.query's own checkout (counted above); without, a caller's.
    if (typeof args[0] === 'function') return connect(...args)
    return (connect() as Promise<Queryable & { release: (...args: any[]) => any }>).then((client) => {
      wrapClient(client)
      checkedOut.add(client)
      const release = client.release
      client.release = (...releaseArgs: any[]) => {
        checkedOut.delete(client)
        client.release = release
        return release.apply(client, releaseArgs)
      }
      return client
    })
  }
}

/** Runs `work` and returns its result with every statement it sent (timers it left behind don't count). */
export async function countStatements<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const recording: Recording = { statements: [], open: true }
  try {
    const result = await storage.run(recording, work)
    return { result, statements: recording.statements }
  } finally {
    recording.open = false
  }
}
