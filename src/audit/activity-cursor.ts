/** The keyset position of the last entry on a page: (createdAt, id), opaque to the client. */
export type ActivityCursor = { createdAt: string; id: number }

export const encodeActivityCursor = (cursor: ActivityCursor): string => Buffer.from(`${cursor.createdAt}|${cursor.id}`).toString('base64url')

export function decodeActivityCursor(value: string): ActivityCursor | null {
  const [createdAt, id] = Buffer.from(value, 'base64url').toString('utf8').split('|')
  if (!createdAt || Number.isNaN(Date.parse(createdAt)) || !/^\d+$/.test(id ?? '')) return null
  return { createdAt: new Date(createdAt).toISOString(), id: Number(id) }
}
