import { randomUUID } from 'node:crypto'

import type { Role } from '../../src/access/roles'
import { baseUrl } from './browser'

export const E2E_PASSWORD = 'e2e-long-passphrase-42'

/** A JSON call to the served portal; `token` signs it as `Authorization: JWT …`. Throws on a non-2xx answer. */
export async function staffApi<T>(path: string, init: RequestInit & { token?: string } = {}): Promise<T> {
  const response = await fetch(`${baseUrl()}${path}`, {
    ...init,
    headers: { 'Content-Type': 'application/json', ...(init.token ? { Authorization: `JWT ${init.token}` } : {}), ...init.headers },
  })
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path} → ${response.status}: ${await response.text()}`)
  return (await response.json()) as T
}

/** Signs staff in through Payload's REST API (the seeded support account). */
export const staffToken = async (): Promise<string> =>
  (await staffApi<{ token: string }>('/api/staff/login', { method: 'POST', body: JSON.stringify({ email: 'staff@demo.test', password: 'portico-demo' }) })).token

/**
 * A fresh organization with one customer per role asked for (the first is its owner), made through
 * Payload's REST API as support staff would, so e2e files never share (and disturb) the demo users.
 */
export async function createE2eTeam(label: string, roles: readonly Role[] = ['owner']): Promise<{ organizationId: number; members: Array<{ id: number; email: string; password: string; role: Role }> }> {
  const token = await staffToken()
  const { doc: organization } = await staffApi<{ doc: { id: number } }>('/api/organizations', { method: 'POST', token, body: JSON.stringify({ name: `E2E ${label} Org`, billingMode: 'stripe' }) })
  const members = []
  for (const role of roles) {
    const email = `${label}-${role}-${randomUUID().slice(0, 8)}@e2e.test`
    const { doc: user } = await staffApi<{ doc: { id: number } }>('/api/users', { method: 'POST', token, body: JSON.stringify({ email, name: `E2E ${label} ${role}`, password: E2E_PASSWORD }) })
    await staffApi('/api/memberships', { method: 'POST', token, body: JSON.stringify({ user: user.id, organization: organization.id, role }) })
    members.push({ id: user.id, email, password: E2E_PASSWORD, role })
  }
  return { organizationId: organization.id, members }
}

/** A customer of their own: the owner of a fresh organization. */
export async function createE2eCustomer(label: string): Promise<{ id: number; email: string; password: string }> {
  const { members } = await createE2eTeam(label)
  const { id, email, password } = members[0]!
  return { id, email, password }
}
