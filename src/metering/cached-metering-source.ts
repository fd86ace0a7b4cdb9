import type { MeteringSource } from './metering-source'

/** Reads an organization's usage version: any change to its events changes it (recordUsage bumps it). */
export type UsageVersionReader = (organizationId: number) => Promise<string>

type Entry = { version: string; value: unknown }
/** Kept answers by query, oldest use first. One per process; a test makes one per simulated instance. */
export type UsageAnswers = Map<string, Entry>

/** A usage page is five reads and the overview made of them, so this holds the last ~1,600 distinct page views. */
const MAX_ENTRIES = 10_000
const processAnswers: UsageAnswers = new Map()

function remember(answers: UsageAnswers, key: string, entry: Entry) {
  answers.delete(key)
  answers.set(key, entry)
  while (answers.size > MAX_ENTRIES) answers.delete(answers.keys().next().value!)
}

/**
 * A source whose series, totals and breakdowns are answered from this process's memory while the
 * organization's usage version is the one they were read at. Made per request: the version is read
 * once (one indexed row) before any answer is used, then each query is served from memory or read
 * and kept. Read before the data, so a kept answer holds at least everything committed at its
 * version: an ingest that commits meanwhile bumps the version and the next request reads afresh — on
 * every instance, since each reads the version from the database itself. Raw exports pass through.
 */
export function cachedMeteringSource(source: MeteringSource, readVersion: UsageVersionReader, answers: UsageAnswers = processAnswers): MeteringSource {
  const versions = new Map<number, Promise<string>>()
  const versionOf = (organizationId: number) => {
    if (!versions.has(organizationId)) versions.set(organizationId, readVersion(organizationId))
    return versions.get(organizationId)!
  }
  const keep = async <R>(organizationId: number, key: string, compute: () => Promise<R>): Promise<R> => {
    const version = await versionOf(organizationId)
    const hit = answers.get(key)
    if (hit?.version === version) {
      remember(answers, key, hit)
      return hit.value as R
    }
    const value = await compute()
    remember(answers, key, { version, value })
    return value
  }
  const cached =
    <Q extends { organizationId: number }, R>(kind: string, read: (query: Q) => Promise<R>) =>
    (query: Q): Promise<R> =>
      keep(query.organizationId, `${kind}:${Object.entries(query as Record<string, unknown>).map(([name, value]) => `${name}=${value instanceof Date ? value.getTime() : value}`).join('&')}`, () => read(query))
  return {
    series: cached('series', (query) => source.series(query)),
    total: cached('total', (query) => source.total(query)),
    breakdown: cached('breakdown', (query) => source.breakdown(query)),
    exportRaw: (query) => source.exportRaw(query),
    keep: (organizationId, key, compute) => keep(organizationId, `kept:${organizationId}:${key}`, compute),
  }
}
