import type { Field } from 'payload'

/**
 * When the job retrying this delivery will run next: the backoff made visible in /admin. Not
 * stored — read from the delivery's waiting job, so it can never disagree with what will happen.
 */
export const nextAttemptAtField: Field = {
  name: 'nextAttemptAt',
  type: 'date',
  virtual: true,
  label: 'Next try',
  admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' }, description: 'Set while the delivery waits out its backoff.' },
  hooks: {
    afterRead: [
      async ({ data, req }) => {
        if (data?.status !== 'retrying' || data.id === undefined) return null
        const { rows } = await req.payload.db.pool.query<{ wait_until: Date | null }>(
          `SELECT wait_until FROM payload_jobs
            WHERE task_slug = 'deliver-notification' AND completed_at IS NULL AND has_error IS NOT TRUE AND (input->>'deliveryId')::int = $1
            ORDER BY wait_until DESC NULLS LAST LIMIT 1`,
          [Number(data.id)],
        )
        return rows[0]?.wait_until?.toISOString() ?? null
      },
    ],
  },
}
