import { readFile } from 'node:fs/promises'

import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'

import { invoiceDatePresets } from '../../src/billing/invoices/invoice-date-presets'
import { signIn, useBrowser } from '../helpers/browser'

const { openPage } = useBrowser()

const cents = (text: string) => Math.round(Number(text.replace(/[^0-9.-]/g, '')) * 100)

describe('Invoices → last quarter → ZIP', () => {
  it('billing@demo.test downloads last quarter as one ZIP: exactly its PDFs, and a CSV whose totals are the list’s', async () => {
    const { page } = await openPage('invoices-zip')
    await page.goto('/sign-in?next=/account/invoices')
    await signIn(page, 'billing@demo.test')
    await page.waitForURL('**/account/invoices')
    // The demo's open "Onboarding workshop" invoice is listed with the year of renewals. Waited
    // for rather than counted at once (CI once counted no "Open" cell in a list that had rows);
    // if it never shows, the message carries what the list did show.
    const listed = page.getByTestId('invoice-row')
    const openCell = page.getByRole('cell', { name: 'Open', exact: true })
    await openCell.waitFor({ timeout: 15_000 }).catch(async (error: Error) => {
      throw new Error(`No open invoice in the list (${error.message}); rows: ${JSON.stringify(await listed.allTextContents())}`)
    })
    await expect(listed.count()).resolves.toBeGreaterThan(1)
    await expect(openCell.count()).resolves.toBe(1)

    await page.getByRole('link', { name: 'Last quarter' }).click()
    const lastQuarter = invoiceDatePresets(new Date()).find((preset) => preset.id === 'last_quarter')!
    await page.waitForURL((url) => url.searchParams.get('from') === lastQuarter.from && url.searchParams.get('to') === lastQuarter.to)
    const rows = page.getByTestId('invoice-row')
    const numbers = await rows.locator('th').allTextContents()
    const totals = (await rows.getByTestId('invoice-total').allTextContents()).map(cents)
    // A renewal on the 1st of each month: three in any full quarter of the demo's year.
    expect(numbers).toHaveLength(3)

    const download = page.waitForEvent('download')
    // Keyboard only: focus the button and press Enter.
    await page.getByRole('button', { name: 'Download ZIP' }).focus()
    await page.keyboard.press('Enter')
    const file = await download
    expect(file.suggestedFilename()).toBe(`invoices-${lastQuarter.from}-to-${lastQuarter.to}.zip`)
    await expect(page.getByTestId('zip-status').textContent()).resolves.toMatch(/^Downloaded invoices-.*\.zip \(\d+(\.\d)? (B|KB|MB)\)\.$/)

    const entries = unzipSync(new Uint8Array(await readFile((await file.path())!)))
    expect(Object.keys(entries).sort()).toEqual(['invoices.csv', ...numbers.map((number) => `${number}.pdf`)].sort())
    for (const number of numbers) expect(strFromU8(entries[`${number}.pdf`]!, true)).toContain(`(${number})`)
    const [, ...csvRows] = strFromU8(entries['invoices.csv']!).trim().split('\n').map((line) => line.split(','))
    expect(csvRows.map((row) => row[0])).toEqual(numbers)
    expect(csvRows.reduce((sum, row) => sum + cents(row[5]!), 0)).toBe(totals.reduce((sum, total) => sum + total, 0))
  })

  it('a member sees no invoices, and the invoice routes refuse them', async () => {
    const { page } = await openPage('invoices-member')
    await page.goto('/sign-in?next=/account/invoices')
    await signIn(page, 'member@demo.test')
    await page.waitForURL('**/account/invoices')
    await expect(page.getByTestId('invoice-row').count()).resolves.toBe(0)
    for (const path of ['/api/billing/invoices', `/api/billing/invoices/archive.zip?from=2026-01-01&to=2026-12-31`]) {
      const response = await page.request.get(path, { headers: { 'Sec-Fetch-Site': 'same-origin' } })
      expect(response.status(), path).toBe(403)
    }
  })
})
