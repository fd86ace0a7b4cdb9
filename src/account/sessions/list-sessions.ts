import type { Payload } from 'payload'

import { describeUserAgent } from '../../lib/describe-user-agent'
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
  const { docs: records } = await payload.find({
    collection: 'user-sessions',
    where: { user: { equals: userId }, sid: { in: sessions.map((session) => session.id) } },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    showHiddenFields: true,
  })
  return sessions
    .map((session) => {
      const record = records.find((candidate) => candidate.sid === session.id)
      return {
        sid: session.id,
        ...describeUserAgent(record?.userAgent),
        ip: record?.ip ?? null,
        createdAt: session.createdAt ? new Date(session.createdAt).toISOString() : null,
        lastSeenAt: record?.lastSeenAt ?? null,
        current: session.id === currentSid,
      }
    })
    .sort((a, b) => Number(b.current) - Number(a.current) || String(b.createdAt).localeCompare(String(a.createdAt)))
}
