import type { Payload, PayloadRequest } from 'payload'

import { type CustomerChannel, EVENT_CATALOG, type EventType } from './event-catalog'

export type EventRouting = { slack: boolean; defaults: Record<CustomerChannel, boolean> }
export type Routing = { slackWebhookUrl: string | null; forEvent: (type: EventType) => EventRouting }

/**
 * The catalog's defaults with the staff overrides from the notification-settings global applied.
 * Vendor configuration, so it is read without the caller's access rights.
 */
export async function loadRouting(payload: Payload, req?: PayloadRequest): Promise<Routing> {
  const settings = await payload.findGlobal({ slug: 'notification-settings', depth: 0, overrideAccess: true, req })
  const overrides = new Map((settings.eventRules ?? []).map((rule) => [rule.eventType, rule]))
  return {
    slackWebhookUrl: settings.slackWebhookUrl || process.env.SLACK_WEBHOOK_URL || null,
    forEvent: (type) => {
      const rule = overrides.get(type)
      const definition = EVENT_CATALOG[type]
      if (!rule) return { slack: definition.slack, defaults: { ...definition.defaults } }
      return { slack: Boolean(rule.slack), defaults: { email: Boolean(rule.email), in_app: Boolean(rule.inApp) } }
    },
  }
}
