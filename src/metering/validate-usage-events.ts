import { t } from '../i18n/t'
import { PortalError } from '../lib/api/portal-error'
import { findUnstorableText, UNSTORABLE_TEXT_MESSAGE } from '../lib/api/unstorable-text'
import { FUTURE_SKEW_MS, MAX_BATCH, UsageEvent, type UsageEventRecord } from './usage-event-schema'

/**
 * The batch, checked whole before anything is written: every bad event is named by its index
 * (`events.3.metric`), and one bad event refuses the batch — a partial write would leave the sender
 * unsure which events to resend. `knownOrganizations` says which organization ids exist; `onlyFor`
 * (an API key's organization) refuses events naming any other.
 */
export function validateUsageEvents(events: readonly unknown[], now: Date, knownOrganizations: ReadonlySet<number>, onlyFor?: number): UsageEventRecord[] {
  if (events.length === 0 || events.length > MAX_BATCH) throw new PortalError('invalid_request', t('api.error.invalid'), { events: t('usage.ingest.batchSize', { max: MAX_BATCH }) })
  const fields: Record<string, string> = {}
  const valid: UsageEventRecord[] = []
  const latest = now.getTime() + FUTURE_SKEW_MS
  events.forEach((event, index) => {
    const unstorable = findUnstorableText(event, ['events', String(index)])
    if (unstorable) {
      fields[unstorable] = UNSTORABLE_TEXT_MESSAGE
      return
    }
    const parsed = UsageEvent.safeParse(event)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) fields[['events', index, ...issue.path].join('.')] ??= issue.message
      return
    }
    if (Date.parse(parsed.data.occurredAt) > latest) fields[`events.${index}.occurredAt`] = t('usage.ingest.future', { minutes: FUTURE_SKEW_MS / 60_000 })
    else if (onlyFor !== undefined && parsed.data.organizationId !== onlyFor) fields[`events.${index}.organizationId`] = t('usage.ingest.otherOrganization')
    else if (!knownOrganizations.has(parsed.data.organizationId)) fields[`events.${index}.organizationId`] = t('usage.ingest.unknownOrganization')
    else valid.push(parsed.data)
  })
  if (Object.keys(fields).length > 0) throw new PortalError('invalid_request', t('usage.ingest.refused', { count: countEvents(fields) }), fields)
  return valid
}

const countEvents = (fields: Record<string, string>) => new Set(Object.keys(fields).map((key) => key.split('.')[1])).size
