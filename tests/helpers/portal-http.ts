import { expect } from 'vitest'

/** Signs a customer in through Payload's REST login, as a script or the product would; returns the JWT. */
export async function customerToken(instance: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${instance}/api/users/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }) })
  expect(response.status).toBe(200)
  return ((await response.json()) as { token: string }).token
}

/** A portal JSON call with `Authorization: JWT …` to a running instance; the envelope parsed when there is one. */
export async function portalCall(instance: string, path: string, token: string, init: { method?: string; body?: unknown } = {}) {
  const response = await fetch(`${instance}${path}`, {
    method: init.method ?? 'GET',
    headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  return { status: response.status, body: (await response.json().catch(() => null)) as { data?: any } | null }
}
