/** What a team route answered, for the client components: data, or the envelope's message and field errors. */
export type TeamApiResult<T> = { ok: true; data: T } | { ok: false; message: string; fields: Record<string, string> }

/** Calls a /api/team route with JSON; a network failure or a non-JSON answer becomes `fallback`. */
export async function callTeamApi<T>(path: string, method: string, body: unknown, fallback: string): Promise<TeamApiResult<T>> {
  try {
    const response = await fetch(path, {
      method,
      headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const envelope = await response.json()
    if (envelope?.success) return { ok: true, data: envelope.data as T }
    return { ok: false, message: envelope?.error?.message ?? fallback, fields: envelope?.error?.fields ?? {} }
  } catch {
    return { ok: false, message: fallback, fields: {} }
  }
}
