import type { TaskConfig } from 'payload'

import { forwardToLinear } from './forward-to-linear'

/** Retries a Linear that is down or refusing with backoff (2 s … ~1 min); the last error is kept on the record. */
export const forwardFeedbackTask: TaskConfig<{ input: { feedbackId: number }; output: { outcome: string } }> = {
  slug: 'forward-feedback',
  label: 'Forward feedback to Linear',
  inputSchema: [{ name: 'feedbackId', type: 'number', required: true }],
  outputSchema: [{ name: 'outcome', type: 'text' }],
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 2_000 } },
  handler: async ({ input, req }) => {
    try {
      return { output: { outcome: await forwardToLinear(req.payload, input.feedbackId) } }
    } catch (error) {
      await req.payload.update({ collection: 'customer-feedback', id: input.feedbackId, data: { forwardError: error instanceof Error ? error.message : String(error) }, overrideAccess: true })
      throw error
    }
  },
}
