import { z } from 'zod'

/** PostgreSQL `serial`: ids past 2³¹−1 overflow the column, so they are refused before any query. */
export const MAX_RECORD_ID = 2_147_483_647

const message = 'Expected a record id (a whole number from 1 to 2147483647).'

/** A record id in a JSON body. */
export const RecordId = z.number({ error: message }).int(message).positive(message).max(MAX_RECORD_ID, message)

/** A record id written as text (path segment, query string, form field): digits only, in range. */
export const RecordIdText = z
  .string({ error: message })
  .regex(/^[1-9]\d{0,9}$/, message)
  .transform(Number)
  .pipe(RecordId)

/** The one strict reading of an id from text; null when it isn't one. */
export const parseRecordId = (value: unknown): number | null => {
  const parsed = RecordIdText.safeParse(value)
  return parsed.success ? parsed.data : null
}
