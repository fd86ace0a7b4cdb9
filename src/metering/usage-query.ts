import { z } from 'zod'

import { isTimeZone } from '../account/profile/date-preferences'
import { lazyMessage, t } from '../i18n/t'
import { DEFAULT_METRIC, METRIC_IDS } from './metric-catalog'

const blankAsAbsent = (value: unknown) => (value === '' ? undefined : value)

/** A calendar day as YYYY-MM-DD that reads back as itself (2026-02-30 is refused, not rolled over). */
const isRealDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(Date.parse(`${value}T00:00:00Z`) || 0).toISOString().startsWith(value)

const metric = z.preprocess(blankAsAbsent, z.enum(METRIC_IDS, lazyMessage('usage.query.metric', { metrics: METRIC_IDS.join(', ') })).default(DEFAULT_METRIC))
const timeZone = z.preprocess(blankAsAbsent, z.string().refine(isTimeZone, lazyMessage('usage.query.timeZone')).optional())
const day = z.string(lazyMessage('usage.query.date')).refine(isRealDay, lazyMessage('usage.query.date'))

export const EXPORT_GRANULARITIES = ['day', 'hour', 'raw'] as const
/** The longest range one export covers: 13 months of hours is ~9,500 rows. */
export const MAX_EXPORT_DAYS = 400

const period = z.preprocess(blankAsAbsent, z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, lazyMessage('usage.query.period')).optional())

/** `GET /api/account/usage?metric=&tz=[&period=YYYY-MM]`; without `tz`, the member's own time zone; without `period`, the current one. */
export const UsageOverviewQuery = z.object({ metric, tz: timeZone, period })

/** `GET /api/account/usage/export.csv?metric=&from=&to=&granularity=[&tz=]`: an inclusive range of days in the zone. */
export const UsageExportQuery = z
  .object({ metric, tz: timeZone, from: day, to: day, granularity: z.preprocess(blankAsAbsent, z.enum(EXPORT_GRANULARITIES).default('day')) })
  .refine((query) => !isRealDay(query.from) || !isRealDay(query.to) || query.from <= query.to, { path: ['to'], error: () => t('usage.query.order') })
  .refine((query) => !isRealDay(query.from) || !isRealDay(query.to) || Date.parse(query.to) - Date.parse(query.from) < MAX_EXPORT_DAYS * 86_400_000, {
    path: ['to'],
    error: () => t('usage.query.tooLong', { days: MAX_EXPORT_DAYS }),
  })

export type UsageOverviewQuery = z.infer<typeof UsageOverviewQuery>
export type UsageExportQuery = z.infer<typeof UsageExportQuery>
