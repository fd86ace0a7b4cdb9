import { mkdir } from 'node:fs/promises'
import path from 'node:path'

import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { inject, onTestFailed } from 'vitest'

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-results/e2e')

export const baseUrl = () => inject('baseUrl')

/** Debian's Chromium, headless; no background networking (this machine has no internet). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  })
}

/** A fresh context (its own cookies) whose page is screenshotted into test-results/e2e if the test fails. */
export async function openPage(browser: Browser, name: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: baseUrl() })
  const page = await context.newPage()
  onTestFailed(async () => {
    await mkdir(ARTIFACTS, { recursive: true })
    await page.screenshot({ path: path.join(ARTIFACTS, `${name.replace(/\W+/g, '-')}.png`), fullPage: true }).catch(() => {})
  })
  return { context, page }
}

/** Signs in through our sign-in page, exactly as a person would. */
export async function signIn(page: Page, email: string, password = 'portico-demo') {
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}
