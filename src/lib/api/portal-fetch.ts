import { t } from '../../i18n/t'
import type { PortalEnvelope } from './envelope'

export type PortalResult<T> = { ok: true; data: T } | { ok: false; message: string; fields: Record<string, string> }

type PortalFetchOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** Sent as JSON, or as multipart when it is FormData (a file upload); omitted for none. */
  body?: unknown
  /** The message when the network fails or the answer isn't an envelope. */
  fallback?: string
}

/**
 * The one way client components call a portal JSON route: JSON in, the `{ success, data | error }`
 * envelope unwrapped into data or the message and field errors to show.
 */
export async function portalFetch<T>(path: string, { method = 'POST', body, fallback = t('account.error') }: PortalFetchOptions = {}): Promise<PortalResult<T>> {
  try {
    const response = await fetch(path, {
      method,
      // FormData sets its own multipart Content-Type, boundary included.
      headers: body === undefined || body instanceof FormData ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
    })
    const envelope = (await response.json()) as PortalEnvelope<T> | null
    if (response.ok && envelope?.success) return { ok: true, data: envelope.data }
    if (envelope && !envelope.success) return { ok: false, message: envelope.error.message || fallback, fields: envelope.error.fields ?? {} }
  } catch {
    // Network failure or a body that isn't JSON: the fallback below says so.
  }
  return { ok: false, message: fallback, fields: {} }
}
