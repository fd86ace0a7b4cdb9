import { describe, expect, it } from 'vitest'

import { signIn, useBrowser } from '../helpers/browser'
import { waitForMail } from '../helpers/mailbox'
import { createE2eCustomer } from '../helpers/staff-api'

const { openPage } = useBrowser()

describe('sessions', () => {
  it('revoking a session signs that browser out on its next request, and the user is told by email', async () => {
    const customer = await createE2eCustomer('sessions')
    const second = await openPage('sessions-second-browser')
    await second.page.goto('/sign-in')
    await signIn(second.page, customer.email, customer.password)
    await second.page.waitForURL('**/account')

    const { page } = await openPage('sessions-revoke')
    await page.goto('/sign-in')
    await signIn(page, customer.email, customer.password)
    await page.waitForURL('**/account')
    const table = page.getByRole('table', { name: 'Your sessions' })
    await expect(table.locator('tbody tr').count()).resolves.toBe(2)
    await expect(table.locator('tr[data-current]').getByText('This device').count()).resolves.toBe(1)

    const revokedAt = Date.now() - 1_000
    await table.getByRole('button', { name: /^Sign out / }).click()
    await table.locator('tbody tr').nth(1).waitFor({ state: 'detached' })

    await second.page.reload()
    expect(new URL(second.page.url()).pathname).toBe('/sign-in')
    await page.reload()
    expect(new URL(page.url()).pathname).toBe('/account')
    await waitForMail(customer.email, /A session was signed out/, { after: revokedAt })
  })
})
