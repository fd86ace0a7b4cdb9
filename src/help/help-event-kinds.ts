/**
 * What the drawer records, for deflection per screen and per article: the drawer opened, an article
 * read, "Did this answer your question?" answered, and "Still need help?" followed to support.
 */
export const HELP_EVENT_KINDS = ['opened', 'viewed', 'answered', 'contacted_support'] as const
export type HelpEventKind = (typeof HELP_EVENT_KINDS)[number]
