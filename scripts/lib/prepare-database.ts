import { getPayload, type Migration } from 'payload'

/**
 * Applies pending migrations (the only way the schema changes) and, when asked, seeds the demo
 * workspace. The config is imported here, not at the top: it reads PAYLOAD_SECRET and
 * DATABASE_URL when evaluated, and the caller sets those first.
 */
export async function prepareDatabase({ seed }: { seed: boolean }): Promise<{ created: number }> {
  // One at a time: concurrent dynamic imports of modules that share dependencies can deadlock
  // in vitest's module runner (seen in the integration global setup).
  const { default: config } = await import('../../payload.config')
  const { migrations } = await import('../../migrations')
  const { seedDemoWorkspace } = await import('../demo/demo-workspace')
  const { seedDemoUsage } = await import('../demo/seed-demo-usage')
  const { seedDemoHelpArticles } = await import('../demo/seed-demo-help-articles')
  const payload = await getPayload({ config })
  try {
    // Generated migrations type their args precisely; the adapter's list type takes `unknown`.
    await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
    const seeded = seed ? await seedDemoWorkspace(payload) : { created: 0 }
    if (seed) await seedDemoUsage(payload, { now: new Date() })
    if (seed) await seedDemoHelpArticles(payload)
    // Set by startPortalServer when it runs the local Stripe emulator (no STRIPE_SECRET_KEY).
    if (seed && process.env.PORTICO_STRIPE_DEMO === '1') {
      const { seedDemoBilling } = await import('../demo/seed-demo-billing')
      const { getStripe } = await import('../../src/billing/stripe')
      await seedDemoBilling(payload, getStripe())
    }
    return seeded
  } finally {
    // The adapter keeps one pool client checked out for good (its reconnect watch), so the pool
    // can't be ended; when PostgreSQL stops, its idle clients report the shutdown as an error.
    payload.db.pool.on('error', () => {})
    await payload.destroy()
  }
}
