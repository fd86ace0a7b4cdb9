import { randomUUID } from 'node:crypto'

import { baseUrl } from './browser'

export const E2E_PASSWORD = 'e2e-long-passphrase-42'

async function api<T>(path: string, init: RequestInit & { token?: string } = {}): Promise<T> {
  const response = await fetch(`${baseUrl()}${path}`, {
    ...init,
    headers: { 'Content-Type': 'application/json', ...(init.token ? { Authorization: `JWT ${init.token}` } : {}), ...init.headers },
  })
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path} → ${response.status}: ${await response.text()}`)
  return (await response.json()) as T
}

/**
 * A customer of their own (owner of a fresh organization), made through Payload's REST API as
 * support staff would, so e2e files never share (and disturb) the demo users.
 */
export async function createE2eCustomer(label: string): Promise<{ id: number; email: string; password: string }> {
  const { token } = await api<{ token: string }>('/api/staff/login', { method: 'POST', body: JSON.stringify({ email: 'staff@demo.test', password: 'portico-demo' }) })
  const email = `${label}-${randomUUID().slice(0, 8)}@e2e.test`
  const { doc: user } = await api<{ doc: { id: number } }>('/api/users', { method: 'POST', token, body: JSON.stringify({ email, name: `E2E ${label}`, password: E2E_PASSWORD }) })
  const { doc: organization } = await api<{ doc: { id: number } }>('/api/organizations', { method: 'POST', token, body: JSON.stringify({ name: `E2E ${label} Org`, billingMode: 'stripe' }) })
  await api('/api/memberships', { method: 'POST', token, body: JSON.stringify({ user: user.id, organization: organization.id, role: 'owner' }) })
  return { id: user.id, email, password: E2E_PASSWORD }
}
