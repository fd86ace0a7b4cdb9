import AxeBuilder from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'

import { signIn, useBrowser } from '../helpers/browser'
import { createE2eCustomer } from '../helpers/staff-api'

const { openPage } = useBrowser()

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '')

/** Tabs forward until the focused element reads `text` (at most `limit` presses), as a keyboard user would. */
async function tabTo(page: Page, text: string, limit = 25) {
  for (let press = 0; press < limit; press++) {
    if ((await focusedText(page)) === text) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached “${text}”; focus is on “${await focusedText(page)}”`)
}

/** Clicks Save Draft or Publish changes in the admin and waits for Payload to answer the save. */
async function save(staff: Page, button: 'Save Draft' | 'Publish changes') {
  const [response] = await Promise.all([
    staff.waitForResponse((answer) => /^\/api\/help-articles(\/\d+)?$/.test(new URL(answer.url()).pathname) && ['POST', 'PATCH'].includes(answer.request().method())),
    staff.getByRole('button', { name: button }).click(),
  ])
  expect(response.status(), `${button} → ${response.status()}`).toBeLessThan(300)
}

async function drawerTitles(page: Page): Promise<string[]> {
  await page.reload()
  await page.getByRole('button', { name: 'Help' }).click()
  const dialog = page.getByRole('dialog', { name: 'Help' })
  await dialog.getByRole('heading', { name: 'For this page' }).waitFor()
  await dialog.getByText('Loading…').waitFor({ state: 'hidden' })
  const titles = await dialog.getByRole('list').first().getByRole('button').allTextContents()
  await page.keyboard.press('Escape')
  return titles
}

describe('help drawer', () => {
  it('an article staff publish in /admin shows in its screen’s drawer on the next load; a draft doesn’t; a new version replaces it', async () => {
    const stamp = Date.now()
    const [v1, v2] = [`How to read your account page ${stamp}`, `Your account page, explained ${stamp}`]
    const { page: staff } = await openPage('help-admin')
    await staff.goto('/admin/login')
    await staff.getByLabel('Email').fill('staff@demo.test')
    await staff.getByLabel('Password').fill('portico-demo')
    await staff.getByRole('button', { name: 'Login' }).click()
    await staff.waitForURL((url) => url.pathname === '/admin')

    const customer = await createE2eCustomer('help')
    const { page } = await openPage('help-customer')
    await page.goto('/sign-in')
    await signIn(page, customer.email, customer.password)
    await page.waitForURL('**/account')

    await staff.goto('/admin/collections/help-articles/create')
    await staff.getByLabel('Title').fill(v1)
    await staff.getByLabel('Slug').fill(`account-page-${stamp}`)
    await staff.locator('#field-section').click()
    await staff.keyboard.type('account')
    await staff.keyboard.press('Enter')
    await staff.getByLabel('Order').fill('-1')
    await staff.locator('.rich-text-lexical [contenteditable="true"]').click()
    await staff.keyboard.type(`Every section of the account page, one by one. ${stamp}`)
    await staff.getByRole('button', { name: 'Add Route' }).click()
    await staff.locator('#field-routes__0__pattern').fill('/account')
    await save(staff, 'Save Draft')
    await staff.waitForURL(/\/admin\/collections\/help-articles\/\d+/)
    expect(await drawerTitles(page)).not.toContain(v1)

    await save(staff, 'Publish changes')
    const published = await drawerTitles(page)
    expect(published[0]).toBe(v1)

    await staff.getByLabel('Title').fill(v2)
    await save(staff, 'Save Draft')
    // A saved draft of the new version leaves the published one in place.
    expect((await drawerTitles(page))[0]).toBe(v1)
    await save(staff, 'Publish changes')
    const replaced = await drawerTitles(page)
    expect(replaced[0]).toBe(v2)
    expect(replaced).not.toContain(v1)
  })

  it('works by keyboard alone, restores focus, opens from ?help=<slug>, fits 390 px and passes axe', async () => {
    const customer = await createE2eCustomer('help-keys')
    const { page } = await openPage('help-keyboard')
    await page.goto('/sign-in')
    await signIn(page, customer.email, customer.password)
    await page.waitForURL('**/account')

    const opener = page.getByRole('button', { name: 'Help' })
    await opener.focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Help' })
    await dialog.getByRole('heading', { name: 'For this page' }).waitFor()
    await dialog.getByText('Loading…').waitFor({ state: 'hidden' })

    const results = await new AxeBuilder({ page }).include('dialog[open]').analyze()
    expect(results.violations.filter((violation) => ['serious', 'critical'].includes(violation.impact ?? '')).map((violation) => `${violation.id}: ${violation.help}`)).toEqual([])

    // Search by keyboard, with a typo, then open the result and answer it.
    await dialog.getByLabel('Search help').focus()
    await page.keyboard.type('chnage the card')
    await page.keyboard.press('Enter')
    await dialog.getByRole('heading', { name: /Results for/ }).waitFor()
    await tabTo(page, 'Change the card on file')
    await page.keyboard.press('Enter')
    await dialog.getByRole('heading', { name: 'Change the card on file', level: 3 }).waitFor()
    expect(await focusedText(page)).toBe('Change the card on file')
    await tabTo(page, 'No')
    await page.keyboard.press('Enter')
    await dialog.getByLabel('What were you looking for? (optional)').focus()
    await page.keyboard.type('How to pay by invoice instead')
    await tabTo(page, 'Send')
    await page.keyboard.press('Enter')
    await dialog.getByText('Thanks — that helps us improve this article.').waitFor()
    await expect(dialog.getByRole('link', { name: 'Contact support' }).getAttribute('href')).resolves.toMatch(/^mailto:support@/)

    const answered = await new AxeBuilder({ page }).include('dialog[open]').analyze()
    expect(answered.violations.filter((violation) => ['serious', 'critical'].includes(violation.impact ?? '')).map((violation) => violation.id)).toEqual([])

    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    await expect(opener.evaluate((button) => button === document.activeElement)).resolves.toBe(true)

    // The API keys empty state's link: the drawer opens on that article, and it fits a phone.
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto('/account?help=what-api-keys-are-for')
    await dialog.getByRole('heading', { name: 'What API keys are for', level: 3 }).waitFor()
    const box = await dialog.boundingBox()
    expect(box!.x).toBeGreaterThanOrEqual(0)
    expect(box!.x + box!.width).toBeLessThanOrEqual(390)
    await expect(page.evaluate(() => document.querySelector('dialog[open]')!.scrollWidth <= document.querySelector('dialog[open]')!.clientWidth)).resolves.toBe(true)
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    expect(new URL(page.url()).searchParams.has('help')).toBe(false)
  })
})
