import { describe, expect, it } from 'vitest'

import { signIn, useBrowser } from '../helpers/browser'
import { waitForMail } from '../helpers/mailbox'
import { createE2eCustomer } from '../helpers/staff-api'

const { openPage } = useBrowser()

describe('forgot password', () => {
  it('the email arrives, its link resets the password, the old one stops working, other sessions end', async () => {
    const customer = await createE2eCustomer('reset')
    const other = await openPage('reset-other-browser')
    await other.page.goto('/sign-in')
    await signIn(other.page, customer.email, customer.password)
    await other.page.waitForURL('**/account')

    const { page } = await openPage('reset-password')
    const requestedAt = Date.now() - 1_000
    await page.goto('/sign-in')
    await page.getByRole('link', { name: 'Forgot your password?' }).click()
    await page.getByLabel('Email').fill(customer.email)
    await page.getByRole('button', { name: 'Send reset link' }).click()
    await page.getByText('If that address has an account').waitFor()

    const mail = await waitForMail(customer.email, /Reset your Portico password/, { after: requestedAt })
    const link = mail.text?.match(/https?:\/\/\S+\/reset-password\?token=[\w-]+/)?.[0]
    expect(link).toBeTruthy()
    await page.goto(link!)
    await page.getByLabel('New password', { exact: true }).fill('short')
    await page.getByRole('button', { name: 'Set new password' }).click()
    await page.getByText('Choose a stronger password').waitFor()
    await page.getByLabel('New password', { exact: true }).fill('a brand new passphrase')
    await page.getByRole('button', { name: 'Set new password' }).click()
    await page.waitForURL('**/sign-in?notice=passwordReset')

    await signIn(page, customer.email, customer.password)
    await page.waitForURL('**/sign-in?**error=invalid**')
    await page.goto('/sign-in')
    await signIn(page, customer.email, 'a brand new passphrase')
    await page.waitForURL('**/account')

    await other.page.reload()
    expect(new URL(other.page.url()).pathname).toBe('/sign-in')
  })
})
