import { readFile } from 'node:fs/promises'

import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'

import { signIn, useBrowser } from '../helpers/browser'

const { openPage } = useBrowser()

const number = (text: string) => Number(text.replace(/[^0-9.]/g, ''))

describe('Usage', () => {
  it('a viewer of Demo Co sees the period’s charge explained, charts with a table view, the forecast, and a CSV with the table’s numbers — on a phone', async () => {
    const { page } = await openPage('usage')
    await page.setViewportSize({ width: 375, height: 800 })
    await page.goto('/sign-in?next=/account/usage')
    await signIn(page, 'viewer@demo.test')
    await page.waitForURL('**/account/usage')
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Usage')

    const period = page.getByRole('region', { name: 'This billing period' })
    await period.waitFor()
    await expect(period.textContent()).resolves.toMatch(/ calls( × \$0\.002 after|, within the) 10,000 included = \$\d[\d,]*\.\d\d$/)
    await expect(page.getByRole('region', { name: 'Forecast for next period' }).textContent()).resolves.toMatch(/Likely between [\d,.]+ and [\d,.]+ calls\..*Weekday-aware/)
    await expect(page.getByText(/^Data as of \d\d:\d\d/).count()).resolves.toBe(1)
    // The seeded year draws bars (recharts' SVG), and every usage card fits a phone's width.
    await expect(page.locator('.recharts-surface').count()).resolves.toBe(2)
    const overflowing = await page.evaluate(() =>
      [...document.querySelectorAll('main .card')].filter((card) => card.getBoundingClientRect().right > window.innerWidth || card.scrollWidth > card.clientWidth).map((card) => card.textContent?.slice(0, 40)),
    )
    expect(overflowing).toEqual([])

    const last30 = page.getByRole('region', { name: 'Last 30 days' })
    await last30.getByRole('button', { name: 'Show as table' }).click()
    const rows = last30.getByRole('row')
    await expect(rows.count()).resolves.toBe(31)
    const tableTotal = (await last30.locator('tbody td:nth-child(2)').allTextContents()).reduce((sum, cell) => sum + number(cell), 0)
    expect(tableTotal).toBeGreaterThan(0)

    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Download CSV' }).click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/^usage-api_calls-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}-day\.csv$/)
    const csv = parse(await readFile((await file.path())!, 'utf8'), { columns: true }) as Record<string, string>[]
    expect(csv).toHaveLength(30)
    expect(csv.reduce((sum, row) => sum + Number(row.quantity), 0)).toBeCloseTo(tableTotal, 0)

    await page.getByLabel('Metric').selectOption('compute_minutes')
    await expect(page.getByRole('region', { name: 'This billing period' }).textContent()).resolves.toMatch(/minutes/)
    // A viewer sees the alerts but can't change them.
    await expect(page.getByLabel(/Monthly budget/).isDisabled()).resolves.toBe(true)
  })

  it('an owner sets budget alerts from the keyboard (a bad budget is named under its field) and picks a past invoice’s period, kept in the URL', async () => {
    const { page } = await openPage('usage-alerts')
    await page.goto('/sign-in?next=/account/usage')
    await signIn(page, 'owner@demo.test')
    await page.waitForURL('**/account/usage')
    const alerts = page.getByRole('region', { name: 'Budget alerts' })
    // Thresholds Demo Co won't reach, so no other test's inbox changes.
    await alerts.getByLabel(/Monthly budget/).fill('12.345')
    await alerts.getByLabel(/% of the budget/).fill('50, 100')
    await alerts.getByLabel(/Alert at a quantity/).fill('900000000000')
    await alerts.getByLabel(/% of the budget/).press('Enter')
    const budgetError = alerts.locator('#usage-alerts-budget-error')
    await budgetError.waitFor()
    await expect(budgetError.textContent()).resolves.toMatch(/at most 2 decimal places/)
    await expect(alerts.getByLabel(/Monthly budget/).getAttribute('aria-invalid')).resolves.toBe('true')
    await alerts.getByLabel(/Monthly budget/).fill('1000000')
    await alerts.getByLabel(/Monthly budget/).press('Enter')
    await alerts.getByText('Budget alerts saved.').waitFor()
    await page.reload()
    await expect(page.getByRole('region', { name: 'Budget alerts' }).getByLabel(/% of the budget/).inputValue()).resolves.toBe('50, 100')

    const picker = page.getByLabel('Billing period', { exact: true })
    const past = await picker.locator('option').nth(1).getAttribute('value')
    await picker.selectOption(past!)
    await page.waitForURL(`**/account/usage?metric=api_calls&period=${past}`)
    const closed = page.getByRole('region', { name: /^Billing period / })
    await closed.waitFor()
    await expect(closed.textContent()).resolves.toMatch(/Charged on the invoice/)
    await page.reload()
    await expect(page.getByLabel('Billing period', { exact: true }).inputValue()).resolves.toBe(past)
    await page.getByRole('region', { name: /^Billing period / }).waitFor()
  })
})
