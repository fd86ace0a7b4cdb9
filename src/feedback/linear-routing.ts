import type { FeedbackType } from './feedback-types'

export type LinearRouting = { apiKey: string; apiUrl?: string; teamId: string; labelIds: Partial<Record<FeedbackType, string>>; adminUrl: string }

/**
 * Where feedback goes in Linear: one team (LINEAR_TEAM_ID), a label per feedback type
 * (LINEAR_LABEL_IDS, `bug=<id>,idea=<id>,…`). Null without LINEAR_API_KEY: feedback then stays in
 * /admin as "not forwarded". LINEAR_API_URL points the SDK elsewhere (tests, a proxy).
 */
export function linearRouting(env: NodeJS.ProcessEnv = process.env, portalUrl: string): LinearRouting | null {
  const apiKey = env.LINEAR_API_KEY?.trim()
  if (!apiKey) return null
  const labelIds = Object.fromEntries(
    (env.LINEAR_LABEL_IDS ?? '')
      .split(',')
      .map((pair) => pair.split('=').map((part) => part.trim()))
      .filter((pair): pair is [string, string] => pair.length === 2 && Boolean(pair[0]) && Boolean(pair[1])),
  ) as LinearRouting['labelIds']
  return { apiKey, apiUrl: env.LINEAR_API_URL?.trim() || undefined, teamId: env.LINEAR_TEAM_ID?.trim() ?? '', labelIds, adminUrl: `${portalUrl}/admin/collections/customer-feedback` }
}
