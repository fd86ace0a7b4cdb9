import { z } from 'zod'
import { badRow, type RowOutcome } from '../ticket'
import { parseTimestamp } from '../parse-time'

/**
 * Zendesk JSON: the full JSON export (one ticket per line) or API ticket pages. The
 * first comment stands in for a missing description; `metric_set` (present when the
 * export includes metrics) supplies solved time and full resolution minutes.
 */
const timestamp = z.union([z.string(), z.number()]).nullish()
const zendeskTicketSchema = z.object({
  id: z.union([z.number(), z.string()]),
  subject: z.string().nullish(),
  raw_subject: z.string().nullish(),
  description: z.string().nullish(),
  created_at: timestamp,
  solved_at: timestamp,
  tags: z.array(z.string()).nullish(),
  comments: z.array(z.object({ body: z.string().nullish(), html_body: z.string().nullish() })).nullish(),
  metric_set: z
    .object({
      solved_at: timestamp,
      full_resolution_time_in_minutes: z.object({ calendar: z.number().nullish() }).nullish(),
    })
    .nullish(),
})

export const ZENDESK_JSON_LABEL = 'Zendesk ticket export (JSON)'

export function readZendeskJsonRecord(json: string, line: number): RowOutcome {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch (error) {
    return badRow(line, `invalid JSON: ${(error as Error).message}`)
  }
  const parsed = zendeskTicketSchema.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    return badRow(line, `${issue.path.join('.') || 'record'}: ${issue.message}`)
  }
  const ticket = parsed.data
  const id = String(ticket.id).trim()
  if (id === '') return badRow(line, 'empty id')
  const subject = ticket.subject ?? ticket.raw_subject ?? ''
  const firstComment = ticket.comments?.[0]
  const body = ticket.description ?? firstComment?.body ?? firstComment?.html_body ?? ''
  if (subject.trim() === '' && body.trim() === '') return badRow(line, 'no subject or description')
  const created = parseTimestamp(String(ticket.created_at ?? ''))
  if (!created.ok) return badRow(line, `created_at: ${created.error}`)
  if (created.value === null) return badRow(line, 'no created_at')
  const solvedRaw = ticket.metric_set?.solved_at ?? ticket.solved_at
  const solved = parseTimestamp(String(solvedRaw ?? ''))
  if (!solved.ok) return badRow(line, `solved_at: ${solved.error}`)
  const resolutionMinutes = ticket.metric_set?.full_resolution_time_in_minutes?.calendar ?? null
  return {
    kind: 'ticket',
    ticket: {
      id,
      subject,
      body,
      createdAt: created.value,
      solvedAt: solved.value,
      statedResolutionHours: resolutionMinutes === null ? null : resolutionMinutes / 60,
      handleMinutes: null,
      tags: (ticket.tags ?? []).map((tag) => tag.toLowerCase()),
      line,
    },
  }
}
