import { t } from '@/i18n/t'

export type PostResult<T> = { ok: true; data: T } | { ok: false; message: string; fields: Record<string, string> }

/** POSTs JSON to a portal route and unwraps its `{ success, data | error }` envelope. */
export async function portalPost<T>(url: string, body: unknown = {}): Promise<PostResult<T>> {
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).catch(() => null)
  const result = response ? await response.json().catch(() => null) : null
  if (response?.ok && result?.success) return { ok: true, data: result.data as T }
  return { ok: false, message: result?.error?.message ?? t('account.error'), fields: result?.error?.fields ?? {} }
}
