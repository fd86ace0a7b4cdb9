import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { withMessageLocale } from '../../src/i18n/request-locale-context'
import { cachedMeteringSource, type UsageAnswers } from '../../src/metering/cached-metering-source'
import { postgresMeteringSource, postgresUsageVersion } from '../../src/metering/postgres-metering-source'
import { recordUsage } from '../../src/metering/record-usage'
import { billingPeriod, usageOverview } from '../../src/metering/usage-overview'
import { createOrganizationWithEveryRole, type TestOrganization, testPayload } from '../helpers/payload'
import { countStatements, installStatementCounter } from '../helpers/statement-counter'

/**
 * The usage reads' in-process cache: kept answers are served with one statement (the version), and
 * a batch recorded anywhere is in the next read of every instance — two instances here, each with
 * its own kept answers, as two servers would have.
 */
let payload: Payload
let org: TestOrganization
const now = new Date()
const period = billingPeriod(now)
const inPeriod = () => new Date(period.start.getTime() + (now.getTime() - period.start.getTime()) / 2)
let keys = 0
const event = (quantity: number, idempotencyKey = `cache-${++keys}`) => ({ organizationId: org.organization.id, metric: 'api_calls', quantity, occurredAt: inPeriod().toISOString(), idempotencyKey })

const instance = (answers: UsageAnswers = new Map()) => ({ answers, source: () => cachedMeteringSource(postgresMeteringSource(payload), postgresUsageVersion(payload), answers) })
const periodTotal = (source: ReturnType<ReturnType<typeof instance>['source']>) => source.total({ organizationId: org.organization.id, metric: 'api_calls', from: period.start, to: period.end })

beforeAll(async () => {
  payload = await testPayload()
  installStatementCounter(payload)
  org = await createOrganizationWithEveryRole(payload, 'usage-cache')
  await recordUsage(payload, [event(1_000)])
})

describe('cachedMeteringSource', () => {
  it('answers a repeated page from memory with one statement, the version read', async () => {
    const server = instance()
    const args = { organizationId: org.organization.id, metric: 'api_calls' as const, timeZone: 'Europe/Berlin', now }
    const cold = await countStatements(() => usageOverview(server.source(), args))
    expect(cold.statements.length).toBeGreaterThan(1)
    const warm = await countStatements(() => usageOverview(server.source(), args))
    expect(warm.statements).toHaveLength(1)
    expect(warm.statements[0]).toContain('metering_versions')
    expect(warm.result).toEqual(cold.result)
    expect(warm.result.period.quantity).toBe(await postgresMeteringSource(payload).total({ organizationId: org.organization.id, metric: 'api_calls', from: period.start, to: period.end }))
  })

  it('reads afresh on every instance once a batch is recorded, and not for a batch of duplicates', async () => {
    const first = instance()
    const second = instance()
    const before = await periodTotal(first.source())
    expect(await periodTotal(second.source())).toBe(before)

    await recordUsage(payload, [event(250), event(5)])
    expect(await periodTotal(first.source())).toBe(before + 255)
    expect(await periodTotal(second.source())).toBe(before + 255)

    const again = event(7, 'cache-repeated')
    await recordUsage(payload, [again])
    expect(await periodTotal(first.source())).toBe(before + 262)
    expect((await recordUsage(payload, [again])).duplicates).toBe(1)
    const kept = await countStatements(() => periodTotal(first.source()))
    expect(kept.result).toBe(before + 262)
    expect(kept.statements).toHaveLength(1)
  })

  it('keeps the whole overview: asOf is the view\'s own time, each language has its own words, a batch shows on every instance next', async () => {
    const first = instance()
    const second = instance()
    const args = { organizationId: org.organization.id, metric: 'api_calls' as const, timeZone: 'Asia/Kolkata', now }
    const shown = await usageOverview(first.source(), args)
    await usageOverview(second.source(), args)
    const later = new Date(now.getTime() + 1)
    const kept = await countStatements(() => usageOverview(first.source(), { ...args, now: later }))
    expect(kept.statements).toHaveLength(1)
    expect(kept.result.asOf).toBe(later.toISOString())
    expect(kept.result.period).toEqual(shown.period)

    const german = await withMessageLocale('de', () => usageOverview(first.source(), args))
    expect(german.period.explanation).not.toBe(shown.period.explanation)
    expect(german.forecastNextMonth.method).not.toBe(shown.forecastNextMonth.method)

    await recordUsage(payload, [event(40)])
    for (const server of [first, second]) expect((await usageOverview(server.source(), args)).period.quantity).toBe(shown.period.quantity + 40)
  })

  it('keeps answers per organization: one organization\'s batch leaves another\'s kept answers alone', async () => {
    const other = await createOrganizationWithEveryRole(payload, 'usage-cache-other')
    const server = instance()
    await periodTotal(server.source())
    await recordUsage(payload, [{ ...event(3), organizationId: other.organization.id }])
    const kept = await countStatements(() => periodTotal(server.source()))
    expect(kept.statements).toHaveLength(1)
  })

  it('holds a bounded number of answers', async () => {
    const server = instance()
    const source = server.source()
    for (let filler = 0; filler < 10_050; filler += 1) server.answers.set(`filler:${filler}`, { version: 'x', value: filler })
    await periodTotal(source)
    expect(server.answers.size).toBeLessThanOrEqual(10_000)
  })
})
