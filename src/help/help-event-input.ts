import { z } from 'zod'

import { lazyMessage, t } from '../i18n/t'
import { RecordId } from '../lib/api/record-id'

const pagePath = z.string(lazyMessage('help.error.path')).trim().regex(/^\/account(?:\/[\w.~-]*)*$/, lazyMessage('help.error.path')).max(300, lazyMessage('help.error.path'))

/** GET /api/help/articles?path= — the screen asking for its articles. */
export const HelpArticlesQuery = z.object({ path: pagePath })

/** POST /api/help/events — the drawer opened, an article read, "Still need help?" followed. */
export const HelpEventInput = z
  .object({
    kind: z.enum(['opened', 'viewed', 'contacted_support'], lazyMessage('help.error.kind')),
    path: pagePath,
    articleId: RecordId.optional(),
  })
  .refine((input) => input.kind !== 'viewed' || input.articleId !== undefined, { path: ['articleId'], error: () => t('help.error.articleRequired') })

/** POST /api/help/articles/:id/feedback — "Did this answer your question?" */
export const HelpAnswerInput = z
  .object({
    helpful: z.boolean(lazyMessage('help.error.helpful')),
    reason: z.string().trim().max(1_000, lazyMessage('help.error.reasonLong')).optional(),
    path: pagePath,
  })
  .refine((input) => !input.helpful || !input.reason, { path: ['reason'], error: () => t('help.error.reasonOnlyOnNo') })

export type HelpEventInput = z.infer<typeof HelpEventInput>
export type HelpAnswerInput = z.infer<typeof HelpAnswerInput>
