import { createHash, timingSafeEqual } from 'node:crypto'

export type IngestAuth = 'not_configured' | 'accepted' | 'refused'

const digest = (value: string) => createHash('sha256').update(value).digest()

/**
 * The server token the product sends as `Authorization: Bearer …` to POST /api/metering/events
 * (METERING_INGEST_TOKEN). Compared as SHA-256 digests in constant time, so neither the length nor
 * a prefix of the token leaks through timing. Unset: ingestion over HTTP is off.
 */
export function checkIngestToken(authorization: string | null, configured = process.env.METERING_INGEST_TOKEN): IngestAuth {
  if (!configured) return 'not_configured'
  const presented = /^Bearer (.+)$/.exec(authorization ?? '')?.[1]
  return presented && timingSafeEqual(digest(presented), digest(configured)) ? 'accepted' : 'refused'
}
