import { readFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'

import { startEmbeddedPostgres } from '../../scripts/lib/embedded-postgres'

const dirs: string[] = []
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true })
})

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query(sql)).rows
  } finally {
    await client.end()
  }
}

describe('embedded PostgreSQL for `npm start`', () => {
  it('keeps data across a restart and recovers from a crash that left a stale lock', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'portico-pg-crash-'))
    dirs.push(dataDir)
    // Never stopped: the crash below is its end.
    const first = await startEmbeddedPostgres({ dataDir })
    await query(first.url, 'CREATE TABLE survivor (note text); INSERT INTO survivor VALUES ($$kept$$)')

    // Simulate a crash: kill the postmaster outright so postmaster.pid stays behind.
    const pid = Number((await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0])
    process.kill(pid, 'SIGKILL')
    await new Promise((resolve) => setTimeout(resolve, 500))
    await expect(readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).resolves.toContain(String(pid))

    const second = await startEmbeddedPostgres({ dataDir })
    try {
      expect(await query(second.url, 'SELECT note FROM survivor')).toEqual([{ note: 'kept' }])
    } finally {
      await second.stop()
    }
  })

  it('refuses to start a second server on a data directory that is in use', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'portico-pg-busy-'))
    dirs.push(dataDir)
    const running = await startEmbeddedPostgres({ dataDir })
    try {
      await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(/already running/)
    } finally {
      await running.stop()
    }
  })
})
