import { describe, expect, it } from 'vitest'

import { signIn, useBrowser } from '../helpers/browser'
import { createE2eCustomer, staffApi, staffToken } from '../helpers/staff-api'

const { openPage } = useBrowser()

describe('feedback', () => {
  it('the header’s Feedback opens a dialog: an empty message is refused in place, a real one is thanked and lands in /admin with the page it came from', async () => {
    const customer = await createE2eCustomer('feedback')
    const { page } = await openPage('feedback')
    await page.goto('/sign-in')
    await signIn(page, customer.email, customer.password)
    await page.waitForURL('**/account')

    const opener = page.getByRole('button', { name: 'Feedback' })
    await opener.click()
    const dialog = page.getByRole('dialog', { name: 'Send feedback' })
    await dialog.getByRole('button', { name: 'Send feedback' }).click()
    await dialog.getByText('Write a few words about it.').waitFor()

    const message = `The usage chart needs a weekly view ${Date.now()}`
    await dialog.getByLabel('Kind of feedback').selectOption('idea')
    await dialog.getByLabel('What happened, or what would help?').fill(message)
    await dialog.getByRole('button', { name: 'Send feedback' }).click()
    await dialog.getByText('Thank you — the product team reads every message.').waitFor()
    // Esc closes it and focus goes back to the button that opened it.
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    await expect(opener.evaluate((button) => button === document.activeElement)).resolves.toBe(true)

    const token = await staffToken()
    const { docs } = await staffApi<{ docs: Array<{ message: string; type: string; section: string; context: { page: string } }> }>(`/api/customer-feedback?where[message][equals]=${encodeURIComponent(message)}&depth=0`, { token })
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({ type: 'idea', section: 'account', context: { page: '/account' } })
  })
})
