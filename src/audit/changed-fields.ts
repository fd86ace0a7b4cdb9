import { redactSecrets } from './redact-secrets'

type Doc = Record<string, unknown>

/** Bookkeeping Payload or the session adapter changes on its own; a diff of only these is not a change. */
const NOISE = new Set(['updatedAt', 'createdAt', 'sessions', 'lastActiveAt'])

/** field → [before, after] for every field that changed, secrets redacted. */
export function changedFields(before: Doc | null | undefined, after: Doc | null | undefined): Record<string, [unknown, unknown]> {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])
  const plainBefore = redactSecrets(before ?? {}) as Doc
  const plainAfter = redactSecrets(after ?? {}) as Doc
  const normalize = (value: unknown) => JSON.stringify(typeof value === 'object' && value !== null && 'id' in value ? (value as Doc).id : value ?? null)
  return Object.fromEntries(
    [...keys]
      .filter((key) => !NOISE.has(key) && normalize(plainBefore[key]) !== normalize(plainAfter[key]))
      .map((key) => [key, [plainBefore[key] ?? null, plainAfter[key] ?? null]]),
  )
}
