import AxeBuilder from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'

import { signIn, useBrowser } from '../helpers/browser'

const { openPage } = useBrowser()

/** Serious and critical violations on the page as it is now, each as "rule: where". */
async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze()
  return results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')}`)
}

describe('axe-core: no serious or critical violations', () => {
  it('on the sign-in flow (form, a wrong password, the forgot-password page)', async () => {
    const { page } = await openPage('axe-sign-in')
    const found: string[] = []
    await page.goto('/sign-in')
    found.push(...(await violations(page)).map((line) => `/sign-in ${line}`))
    await signIn(page, 'owner@demo.test', 'not-the-password')
    await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {})
    found.push(...(await violations(page)).map((line) => `/sign-in (refused) ${line}`))
    await page.goto('/forgot-password')
    found.push(...(await violations(page)).map((line) => `/forgot-password ${line}`))
    expect(found).toEqual([])
  })

  it('on every /account page the owner has in the nav', async () => {
    const { page } = await openPage('axe-account')
    await page.goto('/sign-in?next=/account')
    await signIn(page, 'owner@demo.test')
    await page.waitForURL('**/account')
    const paths = [...new Set(['/account', ...(await page.locator('nav.shell-nav a').evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname)))])]
    expect(paths.length).toBeGreaterThan(5)
    const found: string[] = []
    for (const path of paths) {
      await page.goto(path)
      await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {})
      found.push(...(await violations(page)).map((line) => `${path} ${line}`))
    }
    expect(found).toEqual([])
  })
})
