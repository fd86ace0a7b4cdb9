import { extractID } from 'payload/shared'

/** A relationship as Payload hands it over: the id, or the document when populated (depth ≥ 1). Stripe's expandable fields have the same shape. */
export type RelationshipValue<T extends number | string> = T | { id: T }

/** The id a relationship points at, populated or not: Payload's own `extractID`. */
export const extractId: <T extends number | string>(value: RelationshipValue<T>) => T = extractID

/** The same for an optional relationship: `null` when it is empty. */
export const extractIdOrNull = <T extends number | string>(value: RelationshipValue<T> | null | undefined): T | null =>
  value == null ? null : extractID(value)

/**
 * For ids in data a client sent (access `data`, `beforeChange` data), which Payload passes on as
 * given, so "5" may stand for 5: the number the database keeps; `NaN`, equal to nothing, when empty.
 */
export const extractNumericId = (value: RelationshipValue<number | string> | null | undefined): number =>
  value == null ? Number.NaN : Number(extractID(value))
