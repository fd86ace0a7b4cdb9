import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'
import { Client } from 'pg'

import { parseApiKeySecret } from './api-key-format'
import { startUsageRecorder, USAGE_FLUSH_MS } from './api-key-usage'
import { fingerprintApiKeySecret, hashApiKeySecretBytes, sameDigest } from './hash-api-key-secret'
import { API_KEY_CHANNEL } from './notify-api-key-changed'
import type { ApiKeyEnvironment } from './scope-catalog'

export type ApiKeyRejection = 'malformed' | 'unknown' | 'revoked' | 'expired' | 'insufficient_scope'

export type ApiKeyVerification =
  | { valid: true; organizationId: number; keyId: number; scopes: readonly string[]; environment: ApiKeyEnvironment }
  | { valid: false; reason: ApiKeyRejection }

type ValidKey = Extract<ApiKeyVerification, { valid: true }>

type CachedKey = { id: number; digest: Buffer; revoked: boolean; expiresAt: number | null; scopes: readonly string[]; verified: Readonly<ValidKey> }

/** `storedHash` is the key's HMAC, the name a NOTIFY uses for it. */
type Entry = { key: CachedKey | null; storedHash: string; loadedAt: number }

export type VerifierOptions = {
  /** The time verifications are judged at (ms since the epoch); injected by tests. */
  clock?: () => number
  /** How long a cached key is trusted while invalidations are being received. */
  cacheTtlMs?: number
  maxEntries?: number
  usageFlushMs?: number
  /** How soon the listener reconnects after losing its connection. */
  reconnectMs?: number
}

export type ApiKeyVerifier = {
  verify: (secret: unknown, requiredScopes?: readonly string[], context?: { ip?: string | null }) => Promise<ApiKeyVerification>
  /** Writes pending last-use records now (they are otherwise written once a minute). */
  flushUsage: () => Promise<void>
  /** Whether invalidations are being received (the cache is used only then). */
  listening: () => boolean
  close: () => Promise<void>
}

const refuse = (reason: ApiKeyRejection): ApiKeyVerification => ({ valid: false, reason })

/**
 * Verifies API keys for the product, with a per-process cache that a revocation clears on every
 * instance within milliseconds:
 * - a warm hit costs one SHA-256 of the secret (its fingerprint, the cache's key) and a map read:
 *   a matching fingerprint proves the caller holds the secret the entry was loaded for, and the
 *   map's timing can only reveal something about a hash, never about the secret. The peppered
 *   HMAC (two hashes) and the format check run only on a miss;
 * - a malformed secret (prefix, length, alphabet, CRC32) is refused before any lookup;
 * - the secret's HMAC is looked up (one indexed read) and compared in constant time;
 * - every change to a key (revoke, rotate) sends `NOTIFY portico_api_keys, '<hash>'` in its own
 *   transaction, and this process LISTENs on a dedicated connection and drops that entry;
 * - the cache is used only while that LISTEN connection is up: from a drop until it is back
 *   (and the cache cleared) every verification reads the database, so a missed notification can
 *   never keep a revoked key alive. The TTL bounds memory and staleness of anything else;
 * - expiry is checked against the clock on every call, so it needs no invalidation at all.
 * Unknown hashes are cached too: a new key's hash can't have been asked about before it existed.
 */
export function createApiKeyVerifier(payload: Payload, options: VerifierOptions = {}): ApiKeyVerifier {
  const { clock = Date.now, cacheTtlMs = 30_000, maxEntries = 50_000, usageFlushMs = USAGE_FLUSH_MS, reconnectMs = 1_000 } = options
  const pool = (payload.db as unknown as PostgresAdapter).pool
  // By the secret's SHA-256 fingerprint; `fingerprintOf` finds an entry by the HMAC a NOTIFY names.
  const cache = new Map<string, Entry>()
  const fingerprintOf = new Map<string, string>()
  const usage = startUsageRecorder(payload, usageFlushMs)
  let listener: Client | null = null
  let connecting: Promise<void> | null = null
  let closed = false
  let reconnectTimer: NodeJS.Timeout | null = null
  // Bumped by every notification and every listener change: a read that overlapped one isn't cached.
  let generation = 0

  const clearCache = () => {
    cache.clear()
    fingerprintOf.clear()
  }
  const forget = (fingerprint: string) => {
    const entry = cache.get(fingerprint)
    if (entry) fingerprintOf.delete(entry.storedHash)
    cache.delete(fingerprint)
  }

  const drop = (client: Client) => {
    if (listener !== client) return
    listener = null
    generation++
    clearCache()
    void client.end().catch(() => undefined)
    if (!closed) {
      reconnectTimer = setTimeout(() => void listen(), reconnectMs)
      reconnectTimer.unref()
    }
  }

  const listen = (): Promise<void> => {
    if (listener || closed) return Promise.resolve()
    connecting ??= (async () => {
      // Its own connection, not one of the pool's: it is held for as long as the process runs.
      const client = new Client(pool.options)
      try {
        await client.connect()
        client.on('notification', (message) => {
          if (message.channel !== API_KEY_CHANNEL || !message.payload) return
          generation++
          const fingerprint = fingerprintOf.get(message.payload)
          if (fingerprint) forget(fingerprint)
        })
        client.on('error', () => drop(client))
        client.on('end', () => drop(client))
        await client.query(`LISTEN ${API_KEY_CHANNEL}`)
        clearCache()
        generation++
        listener = client
      } catch (error) {
        void client.end().catch(() => undefined)
        payload.logger.warn({ err: error }, 'api keys: listening for invalidations failed; verifying from the database until it works')
        if (!closed) {
          reconnectTimer = setTimeout(() => void listen(), reconnectMs)
          reconnectTimer.unref()
        }
      } finally {
        connecting = null
      }
    })()
    return connecting
  }

  const load = async (storedHash: string): Promise<CachedKey | null> => {
    const { rows } = await pool.query<{ id: number; secret_hash: string; organization_id: number; scopes: string[]; environment: ApiKeyEnvironment; revoked_at: Date | null; expires_at: Date | null }>(
      'SELECT id, secret_hash, organization_id, scopes, environment, revoked_at, expires_at FROM api_keys WHERE secret_hash = $1',
      [storedHash],
    )
    const row = rows[0]
    if (!row) return null
    const scopes = Object.freeze([...row.scopes])
    const verified = Object.freeze({ valid: true as const, organizationId: row.organization_id, keyId: row.id, scopes, environment: row.environment })
    return { id: row.id, digest: Buffer.from(row.secret_hash, 'hex'), revoked: row.revoked_at !== null, expiresAt: row.expires_at?.getTime() ?? null, scopes, verified }
  }

  /** A fresh cache entry, or undefined; synchronous, so a warm hit costs no promise. */
  const cached = (fingerprint: string): Entry | undefined => {
    if (!listener) return undefined
    const entry = cache.get(fingerprint)
    return entry && Date.now() - entry.loadedAt < cacheTtlMs ? entry : undefined
  }

  const remember = (fingerprint: string, entry: Entry) => {
    if (cache.size >= maxEntries) forget(cache.keys().next().value!)
    cache.set(fingerprint, entry)
    fingerprintOf.set(entry.storedHash, fingerprint)
  }

  /** The cold path: the format check, the HMAC, one indexed read, and a constant-time comparison. */
  const lookup = async (secret: string, fingerprint: string): Promise<CachedKey | null | 'malformed'> => {
    if (!parseApiKeySecret(secret)) return 'malformed'
    const digest = hashApiKeySecretBytes(secret)
    const storedHash = digest.toString('hex')
    if (!listener) await listen()
    const before = generation
    const now = Date.now()
    const loaded = await load(storedHash)
    const key = loaded && sameDigest(loaded.digest, digest) ? loaded : null
    // Kept only if no notification or reconnect happened during the read, which may predate it.
    if (listener && generation === before) remember(fingerprint, { key, storedHash, loadedAt: now })
    return key
  }

  return {
    async verify(secret, requiredScopes = [], context = {}) {
      if (typeof secret !== 'string') return refuse('malformed')
      const fingerprint = fingerprintApiKeySecret(secret)
      const hit = cached(fingerprint)
      const key = hit ? hit.key : await lookup(secret, fingerprint)
      if (key === 'malformed') return refuse('malformed')
      if (!key) return refuse('unknown')
      if (key.revoked) return refuse('revoked')
      const now = clock()
      if (key.expiresAt !== null && key.expiresAt <= now) return refuse('expired')
      for (const scope of requiredScopes) if (!key.scopes.includes(scope)) return refuse('insufficient_scope')
      usage.record(key.id, now, context.ip ?? null)
      return key.verified
    },
    flushUsage: () => usage.flush(),
    listening: () => listener !== null,
    async close() {
      closed = true
      if (reconnectTimer) clearTimeout(reconnectTimer)
      await connecting
      const client = listener
      listener = null
      await client?.end().catch(() => undefined)
      clearCache()
      await usage.stop()
    },
  }
}
