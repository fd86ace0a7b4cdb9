import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import { describeUserAgent } from '../../lib/describe-user-agent'
import { requestDb } from '../../lib/transaction-db'
import { readSessions } from './session-store'

export type SessionRow = {
  sid: string
  browser: string | null
  os: string | null
  device: string | null
  ip: string | null
  createdAt: string | null
  lastSeenAt: string | null
  current: boolean
}

/** The user's live sessions, newest first, with the device each was started from. */
export async function listSessions(payload: Payload, { userId, currentSid }: { userId: number; currentSid: string | null }): Promise<SessionRow[]> {
  const sessions = await readSessions({ payload, req: undefined }, userId)
  if (sessions.length === 0) return []
  // The device records (`user-sessions`) by plain SQL: three columns, not a Local API document build.
  const { rows } = await (await requestDb(payload, undefined)).execute(
    sql`SELECT sid, user_agent, ip, last_seen_at FROM user_sessions WHERE user_id = ${userId} AND sid IN (SELECT jsonb_array_elements_text(${JSON.stringify(sessions.map((session) => session.id))}::jsonb))`,
  )
  const records = rows as { sid: string; user_agent: string | null; ip: string | null; last_seen_at: string | Date | null }[]
  return sessions
    .map((session) => {
      const record = records.find((candidate) => candidate.sid === session.id)
      return {
        sid: session.id,
        ...describeUserAgent(record?.user_agent),
        ip: record?.ip ?? null,
        createdAt: session.createdAt ? new Date(session.createdAt).toISOString() : null,
        lastSeenAt: record?.last_seen_at ? new Date(record.last_seen_at).toISOString() : null,
        current: session.id === currentSid,
      }
    })
    .sort((a, b) => Number(b.current) - Number(a.current) || String(b.createdAt).localeCompare(String(a.createdAt)))
}
