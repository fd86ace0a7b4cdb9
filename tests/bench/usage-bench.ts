import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

import type { PoolClient } from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import type { Payload } from 'payload'

import { startEmbeddedPostgres } from '../../scripts/lib/embedded-postgres'
import { run } from '../../scripts/lib/next-build'
import type { BenchRow } from './types'
import { percentiles, round } from './stats'

const REPO_ROOT = path.resolve(import.meta.dirname, '../..')
const flag = (name: string, fallback: number) => {
  const arg = process.argv.find((value) => value.startsWith(`--${name}=`))
  return arg ? Number(arg.slice(name.length + 3).replace(/_/g, '')) : fallback
}
/** `npm run bench -- usage --usage-rows=1000000`: the stored events (default 10M) and the events ingested live. */
const ROWS = flag('usage-rows', 10_000_000)
const INGEST = flag('usage-ingest', 100_000)
const BATCH = 1_000
const WRITERS = 4
const CONNECTIONS = 20
const READ_REQUESTS = 2_000
const WARM_ROUNDS = 5
const TARGETS = { generateSeconds: 120, overviewP95Ms: 25, csvMs: 100, recordUsagePerSecond: 20_000, httpPerSecond: 5_000 }
const DAY_MS = 86_400_000

const ROW = {
  generate: 'usage: generating the stored events and their rollups (COPY FREEZE, keys and index after, wal_level=minimal)',
  insertFloor: 'usage: plain INSERT of the same 1,000-event batches, no rollups (floor)',
  recordUsage: 'usage: ingest through recordUsage, batches of 1,000',
  http: 'usage: ingest through POST /api/metering/events (handler in-process), batches of 1,000',
  floorRead: 'usage: 42 precomputed rollup rows by primary key (floor)',
  overview: 'usage: GET /api/account/usage (handler in-process; answers kept at the usage version)',
  overviewMiss: 'usage: usageOverview read afresh (a cache miss: the first read after a batch)',
  naive: 'usage: naive GROUP BY date_trunc over raw events (30 d + 12 mo + period)',
  series30: 'usage: MeteringSource 30-day daily series',
  series12: 'usage: MeteringSource 12-month monthly series',
  total: 'usage: MeteringSource period total',
  csv: 'usage: CSV of 13 months of daily rows',
}

/**
 * Usage at volume, on its own embedded PostgreSQL (migrated and seeded in a child process): Demo Co
 * gets ROWS api_calls events over 13 months, loaded with COPY (keys and index built after, on a
 * server started with wal_level=minimal, as a bulk load's is) with their rollups;
 * then, at that size, live ingestion through recordUsage and the HTTP handler beside a plain
 * INSERT of the same batches, and the usage reads beside a 42-row floor and the naive GROUP BY.
 * Routes are called in-process (no Next server): the portal's wrapper, session and SQL, not HTTP parsing.
 */
export async function benchUsage(): Promise<BenchRow[]> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'portico-usage-bench-'))
  // wal_level=minimal (which needs max_wal_senders=0): the load's rows skip the WAL, as in a bulk load; nothing here replicates.
  const postgres = await startEmbeddedPostgres({ dataDir, settings: { wal_level: 'minimal', max_wal_senders: '0' } })
  process.env.DATABASE_URL = postgres.url
  process.env.PAYLOAD_SECRET ||= 'usage-bench-secret'
  process.env.PORTICO_JOBS = 'off'
  process.env.METERING_SOURCE = 'postgres'
  let payload: Payload | undefined
  let peakRss = 0
  const sampleRss = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200)
  try {
    await run(path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/db-prepare.ts', '--seed'], { ...process.env })
    const { getPayload } = await import('payload')
    const { default: config } = await import('../../payload.config')
    payload = await getPayload({ config })
    const organization = (await payload.find({ collection: 'organizations', where: { name: { equals: 'Demo Co' } }, limit: 1, overrideAccess: true })).docs[0]!
    const owner = (await payload.find({ collection: 'users', where: { email: { equals: 'owner@demo.test' } }, limit: 1, overrideAccess: true })).docs[0]!
    const now = new Date()
    const generated = await generate(payload, organization.id, now)
    const generateSeconds = generated.seconds
    await expectRollupsMatchEvents(payload, organization.id)
    const reads = await measureReads(payload, organization.id, owner, now)
    const ingest = await measureIngest(payload, organization.id, now)
    clearInterval(sampleRss)
    const rss = Math.round(peakRss / 1e6)
    const scale = { rows: ROWS, generateSeconds }
    return [
      { name: ROW.insertFloor, unit: 'events/s', throughput: ingest.floor, notes: { events: INGEST, writers: WRITERS, ...scale } },
      { name: ROW.generate, unit: 's', p50: generateSeconds, errors: generateSeconds <= TARGETS.generateSeconds ? 0 : 1, notes: { rows: ROWS, targetS: TARGETS.generateSeconds, ...generated.steps } },
      { name: ROW.recordUsage, unit: 'events/s', throughput: ingest.recordUsage, floor: ROW.insertFloor, errors: ingest.recordUsage >= TARGETS.recordUsagePerSecond ? 0 : 1, notes: { target: TARGETS.recordUsagePerSecond, writers: WRITERS } },
      { name: ROW.http, unit: 'events/s', throughput: ingest.http, floor: ROW.insertFloor, errors: ingest.http >= TARGETS.httpPerSecond ? 0 : 1, notes: { target: TARGETS.httpPerSecond, writers: WRITERS } },
      { name: ROW.floorRead, unit: 'req/s', ...reads.floor, notes: { connections: CONNECTIONS } },
      { name: ROW.overview, unit: 'req/s', ...reads.overview, floor: ROW.floorRead, errors: reads.overview.p95 <= TARGETS.overviewP95Ms ? 0 : 1, notes: { connections: CONNECTIONS, targetP95Ms: TARGETS.overviewP95Ms, peakRssMb: rss, ...scale } },
      { name: ROW.overviewMiss, unit: 'req/s', ...reads.overviewMiss, floor: ROW.floorRead, notes: { connections: CONNECTIONS } },
      { name: ROW.naive, unit: 'req/s', ...reads.naive, floor: ROW.floorRead, notes: { samples: reads.naiveSamples } },
      { name: ROW.series30, unit: 'req/s', ...reads.series30, floor: ROW.floorRead },
      { name: ROW.series12, unit: 'req/s', ...reads.series12, floor: ROW.floorRead },
      { name: ROW.total, unit: 'req/s', ...reads.total, floor: ROW.floorRead },
      { name: ROW.csv, unit: 'req/s', ...reads.csv, floor: ROW.floorRead, errors: reads.csv.p95 <= TARGETS.csvMs ? 0 : 1, notes: { targetMs: TARGETS.csvMs } },
    ]
  } finally {
    clearInterval(sampleRss)
    if (payload) {
      payload.db.pool.on('error', () => {})
      await payload.destroy()
    }
    await postgres.stop()
    await rm(dataDir, { recursive: true, force: true })
  }
}

const ENDPOINTS = ['/v1/orders', '/v1/customers', '/v1/search', '/v1/webhooks']
const HOUR_MS = 3_600_000
const COPY_CHUNK = 10_000

/**
 * ROWS events over the 13 months before `now`, and their rollups, as recordUsage would have left
 * them, loaded the way PostgreSQL's "Populating a Database" advises: in one transaction the table is
 * emptied (the seed's rows kept aside and put back), its keys and index dropped, the rows sent with
 * COPY FREEZE (on a server with wal_level=minimal they skip the WAL, and need no vacuum pass after),
 * then the keys and index built once. The generator sums each hour and endpoint as it writes the
 * rows; the rollups are those sums. Returns the seconds in all and per step.
 */
async function generate(payload: Payload, organizationId: number, now: Date): Promise<{ seconds: number; steps: Record<string, number> }> {
  const client = await payload.db.pool.connect()
  const started = performance.now()
  const steps: Record<string, number> = {}
  let last = started
  const step = (name: string) => {
    steps[name] = round((performance.now() - last) / 1000, 1)
    last = performance.now()
  }
  try {
    await client.query(`SET maintenance_work_mem = '1GB'; SET work_mem = '256MB'`)
    await client.query('BEGIN')
    await client.query(`CREATE TEMP TABLE bench_kept_events ON COMMIT DROP AS SELECT * FROM metering_events`)
    const firstId = Number((await client.query<{ id: string }>('SELECT coalesce(max(id), 0) + 1 AS id FROM bench_kept_events')).rows[0]!.id)
    await client.query(`TRUNCATE metering_events`)
    await client.query(`ALTER TABLE metering_events DROP CONSTRAINT metering_events_organization_id_fkey, DROP CONSTRAINT metering_events_idempotency_key, DROP CONSTRAINT metering_events_pkey; DROP INDEX metering_events_org_metric_time_idx`)
    const hourly = new Map<number, { quantity: number; events: number }>()
    await pipeline(
      Readable.from(eventLines(organizationId, now.getTime(), firstId, hourly)),
      client.query(copyFrom(`COPY metering_events (occurred_at, organization_id, metric, quantity, dimensions, id, idempotency_key) FROM STDIN WITH (FREEZE)`)),
    )
    await client.query('INSERT INTO metering_events SELECT * FROM bench_kept_events')
    step('copyS')
    await client.query(`ALTER TABLE metering_events ADD PRIMARY KEY (id)`)
    await client.query(`ALTER TABLE metering_events ADD CONSTRAINT metering_events_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE CASCADE`)
    await client.query(`ALTER TABLE metering_events ADD CONSTRAINT metering_events_idempotency_key UNIQUE (organization_id, idempotency_key)`)
    await client.query(`CREATE INDEX metering_events_org_metric_time_idx ON metering_events (organization_id, metric, occurred_at, id)`)
    await client.query(`SELECT setval(pg_get_serial_sequence('metering_events', 'id'), (SELECT max(id) FROM metering_events))`)
    step('indexesS')
    await insertRollups(client, organizationId, hourly)
    // As recordUsage would leave it: kept answers from before these rows are no longer current.
    await client.query(`UPDATE metering_versions SET version = version + 1 WHERE organization_id = $1`, [organizationId])
    await client.query('COMMIT')
    step('rollupsS')
    await client.query('ANALYZE metering_events; ANALYZE metering_hourly; ANALYZE metering_daily; ANALYZE metering_dimension_daily')
    step('analyzeS')
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error
  } finally {
    client.release()
  }
  return { seconds: round((performance.now() - started) / 1000), steps }
}

/**
 * The events as COPY text, COPY_CHUNK lines a chunk: event g (1…ROWS) is g × span / ROWS before
 * `nowMs`, of 1 + g % 3 calls to endpoint g % 4. Each is added to `hourly` (by UTC hour × 4 + endpoint).
 * Written for speed (PostgreSQL parses on the other core meanwhile): what repeats is made once —
 * the columns between the time and the id per g % 12, the time's date and hour once an hour.
 */
function* eventLines(organizationId: number, nowMs: number, firstId: number, hourly: Map<number, { quantity: number; events: number }>) {
  const spanMs = 396 * DAY_MS
  const middles = Array.from({ length: 12 }, (_, r) => `\t${organizationId}\tapi_calls\t${1 + (r % 3)}\t${JSON.stringify({ endpoint: ENDPOINTS[r % 4] })}\t`)
  let hourStart = -1
  let hourPrefix = ''
  for (let chunkStart = 1; chunkStart <= ROWS; chunkStart += COPY_CHUNK) {
    let text = ''
    for (let g = chunkStart; g < chunkStart + COPY_CHUNK && g <= ROWS; g++) {
      const at = Math.floor(nowMs - (g * spanMs) / ROWS)
      const hour = at - (at % HOUR_MS)
      const key = (hour / HOUR_MS) * 4 + (g % 4)
      const sum = hourly.get(key)
      if (sum) {
        sum.quantity += 1 + (g % 3)
        sum.events += 1
      } else hourly.set(key, { quantity: 1 + (g % 3), events: 1 })
      if (hour !== hourStart) {
        hourStart = hour
        hourPrefix = new Date(hour).toISOString().slice(0, 14)
      }
      const inHour = at - hour
      text += `${hourPrefix}${pad2(Math.floor(inHour / 60_000))}:${pad2(Math.floor(inHour / 1000) % 60)}.${String(inHour % 1000).padStart(3, '0')}Z${middles[g % 12]}${firstId + g - 1}\tbench-${g}\n`
    }
    yield text
  }
}

const pad2 = (value: number) => (value < 10 ? `0${value}` : `${value}`)

/** The generator's hour × endpoint sums into the hourly, daily and per-endpoint rollups, added to the seed's. */
async function insertRollups(client: PoolClient, organizationId: number, hourly: Map<number, { quantity: number; events: number }>) {
  const keys = [...hourly.keys()]
  await client.query(
    `CREATE TEMP TABLE bench_hour_endpoint ON COMMIT DROP AS
     SELECT to_timestamp(hour_ms / 1000.0) AS hour, ($4::text[])[endpoint + 1] AS value, quantity, events
       FROM unnest($1::bigint[], $2::int[], $3::numeric[], $5::int[]) AS x(hour_ms, endpoint, quantity, events)`,
    [keys.map((key) => Math.floor(key / 4) * HOUR_MS), keys.map((key) => key % 4), keys.map((key) => hourly.get(key)!.quantity), ENDPOINTS, keys.map((key) => hourly.get(key)!.events)],
  )
  await client.query(
    `INSERT INTO metering_hourly (organization_id, metric, hour, quantity, event_count)
     SELECT $1::int, 'api_calls', hour, sum(quantity), sum(events) FROM bench_hour_endpoint GROUP BY hour
     ON CONFLICT (organization_id, metric, hour) DO UPDATE SET quantity = metering_hourly.quantity + EXCLUDED.quantity, event_count = metering_hourly.event_count + EXCLUDED.event_count`,
    [organizationId],
  )
  await client.query(
    `INSERT INTO metering_daily (organization_id, metric, day, quantity, event_count)
     SELECT organization_id, metric, (hour AT TIME ZONE 'UTC')::date, sum(quantity), sum(event_count) FROM metering_hourly GROUP BY 1, 2, 3
     ON CONFLICT (organization_id, metric, day) DO UPDATE SET quantity = EXCLUDED.quantity, event_count = EXCLUDED.event_count`,
  )
  await client.query(
    `INSERT INTO metering_dimension_daily (organization_id, metric, day, value, quantity)
     SELECT $1::int, 'api_calls', (hour AT TIME ZONE 'UTC')::date, value, sum(quantity) FROM bench_hour_endpoint GROUP BY 3, 4
     ON CONFLICT (organization_id, metric, day, value) DO UPDATE SET quantity = metering_dimension_daily.quantity + EXCLUDED.quantity`,
    [organizationId],
  )
}

/** Not timed: the generator's rollups hold the same total as the rows it sent, or every read row measures a wrong answer. */
async function expectRollupsMatchEvents(payload: Payload, organizationId: number) {
  const { rows } = await payload.db.pool.query<{ events: string; hourly: string; daily: string }>(
    `SELECT (SELECT sum(quantity) FROM metering_events WHERE organization_id = $1 AND metric = 'api_calls') AS events,
            (SELECT sum(quantity) FROM metering_hourly WHERE organization_id = $1 AND metric = 'api_calls') AS hourly,
            (SELECT sum(quantity) FROM metering_dimension_daily WHERE organization_id = $1 AND metric = 'api_calls') AS daily`,
    [organizationId],
  )
  const { events, hourly, daily } = rows[0]!
  if (events !== hourly || events !== daily) throw new Error(`generated rollups disagree with the events: events ${events}, hourly ${hourly}, per endpoint ${daily}`)
}

async function measureReads(payload: Payload, organizationId: number, owner: { id: number; email: string }, now: Date) {
  const { routeCaller } = await import('../helpers/call-route')
  const { GET: usageGET } = await import('../../src/app/(portal)/api/account/usage/route')
  const { GET: exportGET } = await import('../../src/app/(portal)/api/account/usage/export.csv/route')
  const { postgresMeteringSource } = await import('../../src/metering/postgres-metering-source')
  const { billingPeriod, usageOverview } = await import('../../src/metering/usage-overview')
  const call = routeCaller(payload, 'portico-demo')
  const user = owner as Parameters<typeof call>[1]
  const source = postgresMeteringSource(payload)
  const pool = payload.db.pool
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
  const period = billingPeriod(now)
  const base = { organizationId, metric: 'api_calls' as const, timeZone: 'UTC' }

  const overview = async () => {
    const result = await call(usageGET, user, '/api/account/usage?metric=api_calls&tz=Europe%2FBerlin')
    if (result.status !== 200) throw new Error(`GET /api/account/usage answered ${result.status}`)
  }
  const floorSql = `SELECT hour, quantity FROM metering_hourly WHERE organization_id = $1 AND metric = 'api_calls' ORDER BY hour DESC LIMIT 42`
  const floor = await concurrently(() => pool.query(floorSql, [organizationId]).then(() => undefined))
  const overviewStats = await concurrently(overview)
  const overviewMiss = await concurrently(() => usageOverview(source, { organizationId, metric: 'api_calls', timeZone: 'Europe/Berlin', now }).then(() => undefined))
  const naiveSamples = ROWS >= 5_000_000 ? 3 : 10
  const naive = await sequentially(naiveSamples, async () => {
    await pool.query(`SELECT date_trunc('day', occurred_at AT TIME ZONE 'UTC') AS d, sum(quantity) FROM metering_events WHERE organization_id = $1 AND metric = 'api_calls' AND occurred_at >= $2 GROUP BY 1`, [organizationId, new Date(today.getTime() - 29 * DAY_MS)])
    await pool.query(`SELECT date_trunc('month', occurred_at AT TIME ZONE 'UTC') AS m, sum(quantity) FROM metering_events WHERE organization_id = $1 AND metric = 'api_calls' AND occurred_at >= $2 GROUP BY 1`, [organizationId, new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1))])
    await pool.query(`SELECT sum(quantity) FROM metering_events WHERE organization_id = $1 AND metric = 'api_calls' AND occurred_at >= $2 AND occurred_at < $3`, [organizationId, period.start, period.end])
  })
  const series30 = await sequentially(100, () => source.series({ ...base, granularity: 'day', from: new Date(today.getTime() - 29 * DAY_MS), to: new Date(today.getTime() + DAY_MS) }).then(() => undefined))
  const series12 = await sequentially(100, () => source.series({ ...base, granularity: 'month', from: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1)), to: period.end }).then(() => undefined))
  const total = await sequentially(100, () => source.total({ organizationId, metric: 'api_calls', from: period.start, to: period.end }).then(() => undefined))
  const from = new Date(today.getTime() - 395 * DAY_MS).toISOString().slice(0, 10)
  const csv = await sequentially(30, async () => {
    const result = await call(exportGET, user, `/api/account/usage/export.csv?metric=api_calls&tz=UTC&granularity=day&from=${from}&to=${today.toISOString().slice(0, 10)}`)
    if (result.status !== 200 || !result.body.text?.includes('api_calls')) throw new Error(`CSV export answered ${result.status}`)
  })
  return { floor, overview: overviewStats, overviewMiss, naive, naiveSamples, series30, series12, total, csv }
}

async function measureIngest(payload: Payload, organizationId: number, now: Date) {
  const { recordUsage } = await import('../../src/metering/record-usage')
  const { POST: ingestPOST } = await import('../../src/app/(portal)/api/metering/events/route')
  const batches = (prefix: string, events: number) =>
    Array.from({ length: Math.ceil(events / BATCH) }, (_, b) =>
      Array.from({ length: BATCH }, (_, i) => ({
        organizationId,
        metric: 'api_calls',
        quantity: 1 + (i % 3),
        // Spread over the last day, as a live product's events are.
        occurredAt: new Date(now.getTime() - ((b * BATCH + i) % 86_400) * 1000).toISOString(),
        idempotencyKey: `${prefix}-${b}-${i}`,
        dimensions: { endpoint: '/v1/orders' },
      })),
    )
  const floorBatches = batches('floor', INGEST)
  const floor = await throughput(floorBatches, (batch) =>
    payload.db.pool.query(
      `INSERT INTO metering_events (organization_id, metric, quantity, occurred_at, idempotency_key, dimensions)
       SELECT organization_id, metric, quantity, occurred_at, idempotency_key, dimensions FROM jsonb_to_recordset($1::jsonb)
         AS x(organization_id integer, metric text, quantity numeric, occurred_at timestamptz, idempotency_key text, dimensions jsonb)
       ON CONFLICT (organization_id, idempotency_key) DO NOTHING`,
      [JSON.stringify(batch.map((event) => ({ organization_id: event.organizationId, metric: event.metric, quantity: event.quantity, occurred_at: event.occurredAt, idempotency_key: event.idempotencyKey, dimensions: event.dimensions })))],
    ),
  )
  const recorded = await throughput(batches('record', INGEST), (batch) => recordUsage(payload, batch, { now: new Date() }))
  process.env.METERING_INGEST_TOKEN = 'usage-bench-token'
  const http = await throughput(batches('http', INGEST / 2), async (batch) => {
    const response = await ingestPOST(new Request('http://localhost/api/metering/events', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer usage-bench-token' }, body: JSON.stringify({ events: batch }) }))
    if (response.status !== 200) throw new Error(`ingestion answered ${response.status}: ${await response.text()}`)
  })
  return { floor: floor, recordUsage: recorded, http }
}

/** Events/s for `batches` sent by WRITERS concurrent writers. */
async function throughput<T extends unknown[]>(batches: T[], send: (batch: T) => Promise<unknown>): Promise<number> {
  let next = 0
  const started = performance.now()
  await Promise.all(Array.from({ length: WRITERS }, async () => {
    while (next < batches.length) await send(batches[next++]!)
  }))
  const events = batches.reduce((sum, batch) => sum + batch.length, 0)
  return Math.round(events / ((performance.now() - started) / 1000))
}

/**
 * READ_REQUESTS calls from CONNECTIONS concurrent callers: throughput and latency percentiles, after
 * WARM_ROUNDS rounds of CONNECTIONS concurrent calls that are not counted — the pool opens its
 * connections then (each a PostgreSQL backend start), which is a server's first second, not its steady state.
 */
async function concurrently(request: () => Promise<void>) {
  for (let round = 0; round < WARM_ROUNDS; round++) await Promise.all(Array.from({ length: CONNECTIONS }, request))
  const samples: number[] = []
  let issued = 0
  const started = performance.now()
  await Promise.all(Array.from({ length: CONNECTIONS }, async () => {
    while (issued++ < READ_REQUESTS) {
      const at = performance.now()
      await request()
      samples.push(performance.now() - at)
    }
  }))
  return { throughput: Math.round(samples.length / ((performance.now() - started) / 1000)), ...percentiles(samples) }
}

async function sequentially(count: number, request: () => Promise<void>) {
  const samples: number[] = []
  const started = performance.now()
  for (let i = 0; i < count; i++) {
    const at = performance.now()
    await request()
    samples.push(performance.now() - at)
  }
  return { throughput: round(samples.length / ((performance.now() - started) / 1000)), ...percentiles(samples) }
}

