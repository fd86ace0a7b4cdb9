import { type ChildProcess, spawn } from 'node:child_process'
import { loadavg } from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'

import { startWithOneRetry } from '../helpers/worker-process'
import { HEALTH_FLOOR, withBenchServer } from './bench-server'
import { httpLoad } from './http-load'
import type { BenchRow } from './types'
import { percentile, round } from './stats'

const REPO_ROOT = path.resolve(import.meta.dirname, '../..')
const TARGET_PER_SECOND = 200_000
const TARGET_P99_MS = 5
const TARGET_RATIO = 0.5
const REVOKE_TRIALS = 100

const HMAC_FLOOR = 'api keys: bare HMAC-SHA-256 of a key (createHmac, floor)'
const PARSE_FLOOR = 'api keys: parse + CRC32 only (floor)'
const CONSTANT_PATH = '/api/health/live'
const CONSTANT_FLOOR = `GET ${CONSTANT_PATH} (answers a constant: floor)`

type Rates = { hmac: number; parse: number; fingerprint: number; parseAndHash: number; verify: number; seconds: number }
type Change = { line: number; at: number; valid: boolean; reason?: string; listening: boolean }


/** A customer's JWT from Payload's REST login (the demo owner), as a script calling the portal would. */
async function ownerToken(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/users/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'owner@demo.test', password: 'portico-demo' }) })
  if (!response.ok) throw new Error(`Sign-in for the bench failed (${response.status}).`)
  return ((await response.json()) as { token: string }).token
}

function portalClient(baseUrl: string, token: string) {
  const send = async <T>(method: string, route: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl}${route}`, { method, headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) })
    const envelope = (await response.json()) as { success: boolean; data: T }
    if (!response.ok || !envelope.success) throw new Error(`${method} ${route} → ${response.status}: ${JSON.stringify(envelope)}`)
    return envelope.data
  }
  return {
    create: (name: string) => send<{ key: { id: number }; secret: string }>('POST', '/api/api-keys', { name, scopes: ['usage:read', 'usage:write'], environment: 'test' }),
    revoke: (id: number) => send('DELETE', `/api/api-keys/${id}`),
  }
}

/** Runs a bench child with `node --import tsx`, as the tests run theirs (a signal reaches the process itself). */
const spawnChild = (script: string, env: Record<string, string> = {}) =>
  spawn(process.execPath, ['--import', 'tsx', script], { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] })

/**
 * The server's own time per verification (its Server-Timing `total`) while `connections` callers
 * keep it busy: what the product waits for beyond the queue in front of a saturated server.
 */
async function serverTimes(request: { url: string; method: 'POST'; headers: Record<string, string>; body: string }, connections: number, seconds: number): Promise<number[]> {
  const totals: number[] = []
  const until = performance.now() + seconds * 1000
  const caller = async () => {
    while (performance.now() < until) {
      const response = await fetch(request.url, request)
      await response.arrayBuffer()
      const total = /total;dur=([\d.]+)/.exec(response.headers.get('server-timing') ?? '')?.[1]
      if (response.ok && total) totals.push(Number(total))
    }
  }
  await Promise.all(Array.from({ length: connections }, caller))
  return totals.sort((a, b) => a - b)
}

/** (a) verifyApiKey in-process, warm cache, one thread, against its floors (tests/bench/api-key-verify-throughput.ts). */
async function inProcessRates(secret: string): Promise<Rates> {
  const child = spawnChild('tests/bench/api-key-verify-throughput.ts', { API_KEY_BENCH_SECRET: secret, PORTICO_JOBS: 'off' })
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (chunk: Buffer) => (stdout += String(chunk)))
  child.stderr!.on('data', (chunk: Buffer) => (stderr += String(chunk)))
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  const line = stdout.split('\n').find((text) => text.startsWith('{"hmac"'))
  if (code !== 0 || !line) throw new Error(`The in-process verify bench failed (code ${code}): ${stderr.slice(-2_000)}${stdout.slice(-1_000)}`)
  return JSON.parse(line) as Rates
}

/**
 * (c) Revoke through the server (DELETE /api/api-keys/:id) while a second instance — its own
 * process, Payload, cache and LISTEN connection (tests/helpers/api-key-verifier-process.ts) —
 * verifies the key every 2 ms with a warm cache; the time from the revoke's confirmation to its
 * first refusal, per trial.
 */
async function revokeToRefusal(client: ReturnType<typeof portalClient>): Promise<{ delays: number[]; fromRequest: number[] }> {
  const changes: Change[] = []
  let ready = false
  const child = await startWithOneRetry<ChildProcess>('The second instance', () => {
    const started = spawnChild('tests/helpers/api-key-verifier-process.ts', { PORTICO_JOBS: 'off' })
    let output = ''
    started.stderr!.on('data', (chunk: Buffer) => (output += String(chunk)))
    createInterface({ input: started.stdout! }).on('line', (line) => {
      if (!line.startsWith('{')) return
      const message = JSON.parse(line) as Change | { ready: true }
      if ('ready' in message) ready = true
      else changes.push(message)
    })
    const exited = new Promise<boolean>((resolve) => started.once('exit', () => resolve(false)))
    return { process: started, ready: Promise.race([until(() => ready, 120_000).then(() => true), exited]), describe: () => `code ${started.exitCode}; ${output.slice(-2_000)}` }
  })
  try {
    const delays: number[] = []
    const fromRequest: number[] = []
    for (let trial = 0; trial < REVOKE_TRIALS; trial++) {
      const { key, secret } = await client.create(`bench revoke ${trial}`)
      child.stdin!.write(`${secret}\n`)
      await until(() => changes.some((change) => change.line === trial && change.valid && change.listening), 10_000)
      const sentAt = Date.now()
      await client.revoke(key.id)
      const confirmedAt = Date.now()
      await until(() => changes.some((change) => change.line === trial && !change.valid), 5_000)
      const refusal = changes.find((change) => change.line === trial && !change.valid)!
      if (refusal.reason !== 'revoked') throw new Error(`Trial ${trial}: refused as ${refusal.reason}, not revoked.`)
      delays.push(Math.max(0, refusal.at - confirmedAt))
      fromRequest.push(refusal.at - sentAt)
    }
    return { delays, fromRequest }
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve))
    if (child.exitCode === null) child.kill('SIGTERM')
    await exited
  }
}

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms.`)
    await new Promise((resolve) => setTimeout(resolve, 1))
  }
}

/**
 * API keys: (a) in-process verifyApiKey, warm cache, beside bare HMAC-SHA-256 and parse-only
 * floors; (b) POST /api/keys/verify at 50 connections (and at one, for latency) against a route
 * that answers a constant, on the same production server; (c) revoke → refusal on a second instance, 100 trials. One embedded
 * PostgreSQL and one `next start` for all three.
 */
export async function benchApiKeys(): Promise<BenchRow[]> {
  // Read by the server (next start inherits the environment) and sent by the load below.
  process.env.API_KEY_VERIFY_TOKEN ||= 'api-keys-bench-verify-token'
  const token = process.env.API_KEY_VERIFY_TOKEN
  return withBenchServer(async (server) => {
    const client = portalClient(server.url, await ownerToken(server.url))
    const { secret } = await client.create('bench verify')

    const rates = await inProcessRates(secret)
    console.log(`api keys in-process (per second, one thread): ${JSON.stringify(rates)}`)

    const verify = { url: `${server.url}/api/keys/verify`, method: 'POST' as const, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ key: secret, scopes: ['usage:read'], ip: '203.0.113.9' }) }
    await httpLoad({ name: 'warm-up', ...verify, seconds: 3 })
    await httpLoad({ name: 'warm-up', url: `${server.url}${CONSTANT_PATH}`, seconds: 2 })
    const floor = await httpLoad({ name: CONSTANT_FLOOR, url: `${server.url}${CONSTANT_PATH}` })
    const health = await httpLoad({ name: HEALTH_FLOOR, url: `${server.url}/api/health`, floor: CONSTANT_FLOOR })
    const route = await httpLoad({ name: 'POST /api/keys/verify (valid key, warm cache)', ...verify, floor: CONSTANT_FLOOR })
    const ratio = floor.throughput ? route.throughput! / floor.throughput : 0
    // At 50 connections latency is 50 ÷ throughput (Little's law), so p99 ≤ 5 ms there would need
    // 10,000+ req/s; one connection at a time shows what a single verification costs the server.
    // Beside the constant answer at one connection: the machine's own tail (GC, the load generator sharing 2 cores).
    const singleFloor = await httpLoad({ name: `${CONSTANT_FLOOR}, one connection`, url: `${server.url}${CONSTANT_PATH}`, connections: 1 })
    const single = await httpLoad({ name: 'POST /api/keys/verify, one connection (latency)', ...verify, connections: 1, floor: singleFloor.name })
    const serverSide = await serverTimes(verify, 50, 5)

    const revocation = await revokeToRefusal(client)

    const delays = [...revocation.delays].sort((a, b) => a - b)

    const fromRequest = [...revocation.fromRequest].sort((a, b) => a - b)

    // Other work on the machine slows every row alike; the load average says how much there was.
    const load = round(loadavg()[0]!, 1)
    const perSecond = (name: string, value: number, extra: Partial<BenchRow> = {}): BenchRow => ({ name, unit: 'verifications/s', throughput: Math.round(value), notes: { seconds: rates.seconds, thread: 'one', load }, ...extra })
    return [
      perSecond(HMAC_FLOOR, rates.hmac),
      perSecond(PARSE_FLOOR, rates.parse),
      perSecond('api keys: SHA-256 fingerprint only (the warm path’s one hash, floor)', rates.fingerprint),
      perSecond('api keys: parse + HMAC (the verifier’s CPU work on a cache miss)', rates.parseAndHash, { floor: HMAC_FLOOR }),
      perSecond('api keys: verifyApiKey in-process (warm cache)', rates.verify, {
        floor: HMAC_FLOOR,
        notes: { seconds: rates.seconds, thread: 'one', load, target: `>=${TARGET_PER_SECOND}/s`, meetsTarget: rates.verify >= TARGET_PER_SECOND ? 'yes' : 'no', vsParseFloor: round(rates.verify / rates.parse, 2) },
      }),
      floor,
      health,
      {
        ...route,
        notes: { ...route.notes, targetP99Ms: TARGET_P99_MS, targetRatio: `>=${TARGET_RATIO}`, ratio: round(ratio, 2), meetsTarget: route.p99! <= TARGET_P99_MS && ratio >= TARGET_RATIO ? 'yes' : 'no', littlesLawP50Ms: round((50 / route.throughput!) * 1000, 1) },
      },
      singleFloor,
      { ...single, notes: { ...single.notes, targetP99Ms: TARGET_P99_MS, meetsTarget: single.p99! <= TARGET_P99_MS ? 'yes' : 'no' } },
      {
        name: 'POST /api/keys/verify at 50 connections: server time (Server-Timing total)',
        unit: 'ms',
        p50: percentile(serverSide, 50),
        p95: percentile(serverSide, 95),
        p99: percentile(serverSide, 99),
        notes: { connections: 50, seconds: 5, samples: serverSide.length, targetP99Ms: TARGET_P99_MS, meetsTarget: percentile(serverSide, 99) <= TARGET_P99_MS ? 'yes' : 'no' },
      },
      {
        name: `api keys: revoke → refused on a second instance (${REVOKE_TRIALS} trials)`,
        unit: 'ms',
        p50: percentile(delays, 50),
        p95: percentile(delays, 95),
        p99: percentile(delays, 99),
        notes: { target: '<1000ms', meetsTarget: percentile(delays, 100) < 1_000 ? 'yes' : 'no', max: percentile(delays, 100), p99FromRequestSent: percentile(fromRequest, 99), polledEveryMs: 2 },
      },
    ]
  })
}
