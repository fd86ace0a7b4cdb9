import { z } from 'zod'

import { lazyMessage } from '../i18n/t'

const MAX_WORDS = 8

/** The words of a search: letters and digits only, so what reaches to_tsquery can't be tsquery syntax. */
export const searchWords = (q: string): string[] => (q.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_WORDS).map((word) => word.slice(0, 40))

/** GET /api/help/search?q= */
export const HelpSearchQuery = z.object({
  q: z
    .string(lazyMessage('help.error.queryEmpty'))
    .trim()
    .min(1, lazyMessage('help.error.queryEmpty'))
    .max(200, lazyMessage('help.error.queryLong'))
    .refine((q) => searchWords(q).length > 0, lazyMessage('help.error.queryNoWords')),
})
