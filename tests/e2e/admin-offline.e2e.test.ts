import { describe, expect, it } from 'vitest'

import { baseUrl, useBrowser } from '../helpers/browser'
import { customerToken, portalCall } from '../helpers/portal-http'
import { createE2eTeam, staffApi, staffToken } from '../helpers/staff-api'

const { openPage } = useBrowser()

describe('the admin, offline', () => {
  it('an audit entry shows its changes as old → new, and no admin page requests anything from outside the deployment', async () => {
    const { organizationId, members } = await createE2eTeam('admin-diff', ['owner', 'admin'])
    const [owner, admin] = members
    const ownerToken = await customerToken(baseUrl(), owner!.email, owner!.password)
    const team = await portalCall(baseUrl(), '/api/team/members', ownerToken)
    const adminMembership = (team.body?.data?.members as Array<{ id: number; email: string }>).find((member) => member.email === admin!.email)!
    expect((await portalCall(baseUrl(), '/api/team/members', ownerToken, { method: 'PATCH', body: { memberId: adminMembership.id, newRole: 'member' } })).status).toBe(200)
    const token = await staffToken()
    const { docs } = await staffApi<{ docs: Array<{ id: number }> }>(`/api/portal-audit?where[action][equals]=member.role_changed&where[organization][equals]=${organizationId}&depth=0`, { token })
    expect(docs).toHaveLength(1)

    const { page } = await openPage('admin-offline')
    const origin = new URL(baseUrl()).origin
    const outside: string[] = []
    page.on('request', (request) => {
      const url = new URL(request.url())
      if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) outside.push(request.url())
    })
    await page.goto('/admin/login')
    await page.getByLabel('Email').fill('staff@demo.test')
    await page.getByLabel('Password').fill('portico-demo')
    await page.getByRole('button', { name: 'Login' }).click()
    await page.waitForURL((url) => url.pathname === '/admin')

    await page.goto(`/admin/collections/portal-audit/${docs[0]!.id}`)
    const changes = page.getByRole('table', { name: 'Changes' })
    const row = changes.getByRole('row', { name: /^role/ })
    await row.waitFor()
    await expect(row.getByRole('cell').allTextContents()).resolves.toEqual(['admin', 'member'])

    for (const path of ['/admin/collections/portal-audit', '/admin/collections/portal-events', '/admin/collections/stripe-events', '/admin/collections/notification-deliveries', '/admin/globals/portal-flags']) {
      await page.goto(path)
      await page.waitForLoadState('networkidle')
    }
    expect(outside).toEqual([])
  })
})
