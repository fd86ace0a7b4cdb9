import type { GlobalConfig } from 'payload'

import { staffOnly } from '../access/staff-only'
import { EVENT_TYPES, isEventType } from '../notifications/event-catalog'

/** Staff route events to the support Slack channel and change the defaults customers start from. */
export const NotificationSettings: GlobalConfig = {
  slug: 'notification-settings',
  label: 'Notification settings',
  admin: { group: 'Settings' },
  access: { read: staffOnly, update: staffOnly },
  fields: [
    {
      name: 'slackWebhookUrl',
      type: 'text',
      label: 'Support Slack webhook URL',
      admin: { description: 'An incoming-webhook URL for the support channel. Empty: SLACK_WEBHOOK_URL from the environment; neither: no Slack posts.' },
      validate: (value: unknown) => !value || /^https?:\/\//.test(String(value)) || 'Enter an http(s) URL.',
    },
    {
      name: 'eventRules',
      type: 'array',
      label: 'Overrides of the default routing',
      admin: {
        description: `One row per event type whose defaults you want to change; others follow the catalog. Event types: ${EVENT_TYPES.join(', ')}.`,
      },
      fields: [
        { name: 'eventType', type: 'text', required: true, validate: (value: unknown) => isEventType(value) || `Unknown event type ${String(value)}.` },
        { name: 'slack', type: 'checkbox', label: 'Post to the support Slack channel', defaultValue: true },
        { name: 'email', type: 'checkbox', label: 'Email on by default', defaultValue: true },
        { name: 'inApp', type: 'checkbox', label: 'In-app on by default', defaultValue: true },
      ],
    },
  ],
}
