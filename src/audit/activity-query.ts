import { z } from 'zod'

import { RecordIdText } from '../lib/api/record-id'
import { decodeActivityCursor } from './activity-cursor'
import { lazyMessage } from '../i18n/t'

/** The activity timeline's filters and page, as the route's query string and the page's URL carry them. */
export const ActivityQuery = z.object({
  cursor: z.string().max(200).optional().transform((value, context) => {
    if (!value) return null
    const cursor = decodeActivityCursor(value)
    if (!cursor) context.addIssue({ code: 'custom', message: 'This page link is no longer valid.' })
    return cursor
  }),
  member: RecordIdText.optional(),
  type: z.string().regex(/^[a-z_]+\.[a-z_]+$/, lazyMessage('activity.error.type')).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
})

export type ActivityQuery = z.infer<typeof ActivityQuery>

/**
 * A page URL's search params read as the route reads its query: a repeated key counts once, and a
 * value that fails the schema (a stale cursor, a hand-edited member) is dropped rather than failing the page.
 */
export function parseActivityQuery(params: Record<string, string | string[] | undefined>): ActivityQuery {
  const input = Object.fromEntries(Object.entries(params).flatMap(([key, value]) => {
    const single = Array.isArray(value) ? value[0] : value
    return single ? [[key, single]] : []
  }))
  const parsed = ActivityQuery.safeParse(input)
  if (parsed.success) return parsed.data
  const invalid = new Set(parsed.error.issues.map((issue) => String(issue.path[0])))
  return ActivityQuery.parse(Object.fromEntries(Object.entries(input).filter(([key]) => !invalid.has(key))))
}
