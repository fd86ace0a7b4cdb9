import { DEFAULT_TIME_ZONE, isTimeZone } from '../account/profile/date-preferences'

/** The zone usage is shown in: the one asked for, else the member's own (their profile), else UTC. */
export const usageTimeZone = (requested: string | undefined, user: { timeZone?: string | null }): string =>
  requested ?? (isTimeZone(user.timeZone) ? user.timeZone : DEFAULT_TIME_ZONE)
