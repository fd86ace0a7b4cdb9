export const FEEDBACK_TYPES = ['bug', 'question', 'idea', 'billing'] as const
export type FeedbackType = (typeof FEEDBACK_TYPES)[number]

/** new → forwarded (a Linear issue exists) | not_forwarded (no Linear, or it refused); staff set shipped. */
export const FEEDBACK_STATUSES = ['new', 'forwarded', 'not_forwarded', 'shipped'] as const
