import { describe, expect, it } from 'vitest'

import { baseUrl, signIn, useBrowser } from '../helpers/browser'

const { openPage } = useBrowser()

describe('API keys, end to end', () => {
  it('create a key → copy it from the one-time dialog → the product verifies it → after a reload the secret is nowhere on the page', async () => {
    const { context, page } = await openPage('api-keys-owner')
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl() })
    await page.goto('/account/api-keys')
    await signIn(page, 'owner@demo.test')
    await page.waitForURL('**/account/api-keys')
    await page.getByRole('heading', { level: 1, name: 'API keys' }).waitFor()

    const name = `e2e deploys ${Date.now()}`
    await page.getByLabel('Name').fill(name)
    await page.getByRole('button', { name: 'Metering' }).click()
    await expect(page.getByRole('checkbox', { name: /usage:write/ }).isChecked()).resolves.toBe(true)
    await expect(page.getByRole('checkbox', { name: /usage:read/ }).isChecked()).resolves.toBe(false)
    await page.getByLabel('Expires', { exact: true }).selectOption('30')
    await page.getByRole('button', { name: 'Create key' }).click()

    const dialog = page.getByRole('dialog', { name: `Your new key: ${name}` })
    await dialog.waitFor()
    await dialog.getByText('You won’t see this key again').waitFor()
    const secret = await dialog.getByRole('textbox').inputValue()
    expect(secret).toMatch(/^pk_live_[0-9A-Za-z]{38}$/)
    await dialog.getByRole('button', { name: 'Copy' }).click()
    await dialog.getByRole('button', { name: 'Copied' }).waitFor()
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(secret)

    // The product's check, with the server token.
    const verify = await fetch(`${baseUrl()}/api/keys/verify`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${process.env.API_KEY_VERIFY_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ key: secret, scopes: ['usage:write'] }),
    })
    expect(verify.status).toBe(200)
    await expect(verify.json()).resolves.toMatchObject({ valid: true, scopes: ['usage:write'], environment: 'live' })

    await dialog.getByRole('button', { name: 'I’ve saved it' }).click()
    await page.getByRole('row').filter({ hasText: name }).waitFor()
    await page.reload()
    const row = page.getByRole('row').filter({ hasText: name })
    await row.waitFor()
    await expect(row.textContent()).resolves.toContain(`${secret.slice(0, 14)}…`)
    const html = await page.content()
    expect(html).not.toContain(secret.slice(14))
  })
})
