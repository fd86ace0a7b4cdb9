import { mkdir } from 'node:fs/promises'
import path from 'node:path'

import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, onTestFinished } from 'vitest'

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-results/e2e')

export const baseUrl = () => inject('baseUrl')

export type BrowserPage = { context: BrowserContext; page: Page }

export type UseBrowser = {
  /** The file's Chromium (launched in beforeAll, closed in afterAll). */
  browser: () => Browser
  /**
   * A fresh context (its own cookies, `baseURL` set to the portal) and a page in it. Call it inside
   * a test, once per "person" the test needs: when the test ends the context is closed, and if the
   * test failed the page is first screenshotted into test-results/e2e/<name>.png.
   */
  openPage: (name?: string) => Promise<BrowserPage>
}

/**
 * One Chromium per e2e file: Debian's (`/usr/bin/chromium`, or CHROMIUM_PATH), headless, with no
 * background networking (this machine has no internet). Registers the file's beforeAll/afterAll.
 */
export function useBrowser(): UseBrowser {
  let browser: Browser | undefined

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    })
  })

  afterAll(async () => {
    await browser?.close()
  })

  const current = () => {
    if (!browser) throw new Error('useBrowser(): Chromium is not running (call openPage inside a test, after beforeAll).')
    return browser
  }

  return {
    browser: current,
    async openPage(name = expect.getState().currentTestName ?? 'page') {
      const context = await current().newContext({ baseURL: baseUrl() })
      const page = await context.newPage()
      onTestFinished(async ({ task }) => {
        if (task.result?.state === 'fail' && !page.isClosed()) {
          await mkdir(ARTIFACTS, { recursive: true })
          await page.screenshot({ path: path.join(ARTIFACTS, `${name.replace(/\W+/g, '-')}.png`), fullPage: true }).catch(() => {})
        }
        await context.close().catch(() => {})
      })
      return { context, page }
    },
  }
}

/** Signs in through our sign-in page, exactly as a person would. */
export async function signIn(page: Page, email: string, password = 'portico-demo') {
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}
