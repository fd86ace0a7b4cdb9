import { z } from 'zod'
import { PORTAL_SCREENS } from './taxonomy'

/**
 * `audit-summary.json`: everything an audit measured, per reason, in a form later runs
 * can read back (the deflection comparison and the report are built from it).
 */
const exampleSchema = z.object({ id: z.string(), text: z.string(), confidence: z.number() })

export const reasonSummarySchema = z.object({
  rank: z.number().int().positive(),
  id: z.string(),
  label: z.string(),
  portalScreen: z.enum(PORTAL_SCREENS),
  absorbable: z.boolean(),
  tickets: z.number().int().nonnegative(),
  share: z.number(),
  cumulativeShare: z.number(),
  resolvedTickets: z.number().int().nonnegative(),
  medianResolutionHours: z.number().nullable(),
  /** False once the reason had more resolution times than are kept exactly (histogram estimate). */
  medianIsExact: z.boolean(),
  handleMinutes: z.number(),
  cost: z.number(),
  examples: z.array(exampleSchema),
  /** [UTC day number (days since 1970-01-01), tickets] pairs. */
  ticketsPerDay: z.array(z.tuple([z.number().int(), z.number().int()])),
})

/** One detected language of the tagged tickets (ISO 639-1; `und` when undetermined). */
export const languageSummarySchema = z.object({
  language: z.string(),
  tickets: z.number().int().nonnegative(),
  share: z.number(),
  cost: z.number(),
  absorbableShare: z.number(),
  /** Tagging of this language, shown apart so a weak one isn't hidden in the mix. */
  unclassifiedShare: z.number(),
  meanConfidence: z.number(),
  /** Whether the portal's message catalog (src/i18n) has this locale. */
  inCatalog: z.boolean(),
  /** Outside the catalog and at least `settings.localeThreshold` of tickets. */
  addNext: z.boolean(),
})

export const auditSummarySchema = z.object({
  version: z.literal(1),
  input: z.string(),
  format: z.string(),
  generatedAt: z.string(),
  window: z.object({ since: z.string().nullable(), asOf: z.string() }),
  period: z.object({ firstCreated: z.string().nullable(), lastCreated: z.string().nullable() }),
  settings: z.object({
    hourlyRate: z.number(),
    defaultHandleMinutes: z.number(),
    threshold: z.number(),
    ruleWeight: z.number(),
    classifier: z.string(),
    /** Absent in audits written before language detection. */
    localeThreshold: z.number().optional(),
  }),
  counts: z.object({
    rows: z.number().int(),
    tickets: z.number().int(),
    badRows: z.number().int(),
    skippedRows: z.number().int(),
    outsideWindow: z.number().int(),
    overridden: z.number().int(),
  }),
  skippedByReason: z.record(z.string(), z.number().int()),
  badRowsSample: z.array(z.object({ line: z.number().int(), reason: z.string() })),
  topShares: z.object({ top5: z.number(), top15: z.number() }),
  absorbableShare: z.number(),
  totalCost: z.number(),
  reasons: z.array(reasonSummarySchema),
  /** Absent in audits written before language detection. */
  languages: z.array(languageSummarySchema).optional(),
})

export type ReasonSummary = z.infer<typeof reasonSummarySchema>
export type AuditSummary = z.infer<typeof auditSummarySchema>
export type LanguageSummary = z.infer<typeof languageSummarySchema>

export const SUMMARY_FILE = 'audit-summary.json'
