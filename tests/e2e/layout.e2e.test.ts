import { mkdir } from 'node:fs/promises'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { baseUrl, signIn, useBrowser } from '../helpers/browser'

const { openPage } = useBrowser()
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-results/e2e/layout')
const ROLES = ['owner', 'admin', 'billing', 'member', 'viewer'] as const
const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
] as const

/** The elements sticking out past the viewport's right edge (not those inside a scroller of their own), to say what to fix. */
const sticking = () =>
  [...document.querySelectorAll('body *')]
    .filter((element) => {
      if (element.getBoundingClientRect().right <= window.innerWidth + 0.5 || element.closest('.visually-hidden, .skip-link')) return false
      for (let parent = element.parentElement; parent; parent = parent.parentElement) if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(parent).overflowX)) return false
      return true
    })
    .slice(0, 5)
    .map((element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${element.className && typeof element.className === 'string' ? `.${element.className.trim().split(/\s+/).join('.')}` : ''} (${Math.round(element.getBoundingClientRect().right)} px)`)

describe('the account shell on a phone and a laptop', () => {
  it.each(ROLES)('%s@demo.test: no /account page scrolls sideways at 390×844 or 1280×800 (screenshots in test-results/e2e/layout)', async (role) => {
    const { page } = await openPage(`layout-${role}`)
    await page.goto('/sign-in?next=/account')
    await signIn(page, `${role}@demo.test`)
    await page.waitForURL('**/account')
    // Every screen this role has in its nav, and the account home.
    const paths = [...new Set(['/account', ...(await page.locator('nav.shell-nav a').evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname)))])]
    expect(paths.length).toBeGreaterThan(3)
    await mkdir(SCREENSHOTS, { recursive: true })
    const overflowing: string[] = []
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport)
      for (const screen of paths) {
        await page.goto(screen)
        // Charts and lists that load in the browser are part of the width too.
        await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {})
        const width = await page.evaluate(() => document.documentElement.scrollWidth)
        await page.screenshot({ path: path.join(SCREENSHOTS, `${role}-${viewport.width}${screen.replace(/\//g, '-')}.png`), fullPage: true })
        if (width > viewport.width) overflowing.push(`${screen} at ${viewport.width} px is ${width} px wide: ${(await page.evaluate(sticking)).join(', ')}`)
      }
    }
    expect(overflowing).toEqual([])
  })

  it('the header stays one band on a short page at 1280×800 (it used to stretch to fill the screen)', async () => {
    const { page } = await openPage('layout-header')
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.goto('/sign-in?next=/account/two-factor')
    await signIn(page, 'viewer@demo.test')
    await page.waitForURL('**/account/two-factor')
    const header = await page.locator('.shell-header').boundingBox()
    expect(header!.height).toBeLessThan(120)
  })
})

describe('dead ends', () => {
  it('an unknown /account URL answers 404 with the not-found page inside the shell, nav included', async () => {
    const { page } = await openPage('account-not-found')
    await page.goto('/sign-in?next=/account')
    await signIn(page, 'member@demo.test')
    await page.waitForURL('**/account')
    const response = await page.goto('/account/does-not-exist/at-all')
    expect(response!.status()).toBe(404)
    await page.getByRole('heading', { name: 'Page not found' }).waitFor()
    await expect(page.locator('nav.shell-nav').isVisible()).resolves.toBe(true)
    await page.getByRole('link', { name: 'Back to your account' }).click()
    await page.waitForURL('**/account')
  })

  it.each([
    ['/settings/members', '/account/team'],
    ['/settings/security', '/account'],
    ['/settings/password', '/account'],
    ['/settings/profile', '/account'],
    ['/settings/api-keys', '/account/api-keys'],
    ['/settings/no-such-section', '/account'],
  ])('%s answers 308 to %s', async (legacy, destination) => {
    const { context } = await openPage('legacy-map')
    const response = await context.request.get(legacy, { maxRedirects: 0 })
    expect(response.status()).toBe(308)
    expect(new URL(response.headers().location!, baseUrl()).pathname).toBe(destination)
  })
})
