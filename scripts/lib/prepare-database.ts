import { getPayload, type Migration } from 'payload'

/**
 * Applies pending migrations (the only way the schema changes) and, when asked, seeds the demo
 * workspace. The config is imported here, not at the top: it reads PAYLOAD_SECRET and
 * DATABASE_URL when evaluated, and the caller sets those first.
 */
export async function prepareDatabase({ seed }: { seed: boolean }): Promise<{ created: number }> {
  const [{ default: config }, { migrations }, { seedDemoWorkspace }] = await Promise.all([
    import('../../payload.config'),
    import('../../migrations'),
    import('../../src/seed/demo-workspace'),
  ])
  const payload = await getPayload({ config })
  try {
    // Generated migrations type their args precisely; the adapter's list type takes `unknown`.
    await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
    return seed ? await seedDemoWorkspace(payload) : { created: 0 }
  } finally {
    await payload.destroy()
  }
}
