import { z } from 'zod'

import { lazyMessage } from '../i18n/t'
import { FEEDBACK_TYPES } from './feedback-types'

/** POST /api/feedback: what the customer typed, plus what the page knows (its path, the last error it showed). */
export const FeedbackInput = z.object({
  type: z.enum(FEEDBACK_TYPES, lazyMessage('feedback.error.type')),
  section: z.string().trim().min(1).max(40),
  message: z.string().trim().min(1, lazyMessage('feedback.error.messageEmpty')).max(5_000, lazyMessage('feedback.error.messageLong')),
  page: z.string().max(500).optional(),
  lastError: z.string().max(500).optional(),
})

export type FeedbackInput = z.infer<typeof FeedbackInput>
