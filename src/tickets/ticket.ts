/** One support ticket as read from any export, before cleaning and tagging. */
export interface Ticket {
  readonly id: string
  readonly subject: string
  /** Raw first message: may hold HTML, quoted replies and signatures. */
  readonly body: string
  /** Epoch milliseconds. */
  readonly createdAt: number
  readonly solvedAt: number | null
  /** Resolution time the export states itself, used when it has no solved timestamp. */
  readonly statedResolutionHours: number | null
  /** Agent handling time when the export records it (Freshdesk "Time tracked", Front "Handle time"). */
  readonly handleMinutes: number | null
  /** Help-desk tags, lower-cased. */
  readonly tags: readonly string[]
  /** Line (CSV) or record number (JSON) where the ticket starts, for messages. */
  readonly line: number
}

/** What one input row turned into; bad rows and skipped rows are counted, never dropped silently. */
export type RowOutcome =
  | { readonly kind: 'ticket'; readonly ticket: Ticket }
  /** The row was meant to be a ticket but could not be read. */
  | { readonly kind: 'bad'; readonly line: number; readonly reason: string }
  /** The row is valid but not a ticket (e.g. an agent's reply in a per-message export). */
  | { readonly kind: 'skipped'; readonly line: number; readonly reason: string }

export function badRow(line: number, reason: string): RowOutcome {
  return { kind: 'bad', line, reason }
}

export function skippedRow(line: number, reason: string): RowOutcome {
  return { kind: 'skipped', line, reason }
}

/** Resolution hours from timestamps when both exist, else what the export states. */
export function resolutionHoursOf(ticket: Ticket): number | null {
  if (ticket.solvedAt !== null && ticket.solvedAt >= ticket.createdAt) return (ticket.solvedAt - ticket.createdAt) / 3_600_000
  return ticket.statedResolutionHours
}
