/**
 * `npm run db:prepare [-- --seed]`: applies pending migrations to DATABASE_URL and optionally
 * seeds the demo workspace. Test setups run it as a child process so Payload's config is loaded
 * by plain Node/tsx rather than inside vitest's module runner (where it sometimes deadlocked).
 */
import { ensureLocalSecret, loadDotEnv } from './lib/load-env'
import { prepareDatabase } from './lib/prepare-database'

loadDotEnv()
await ensureLocalSecret()
if (!process.env.DATABASE_URL) {
  console.error('DATABASE_URL is not set. `npm start` runs embedded PostgreSQL for you; this command needs a database.')
  process.exit(2)
}
const { created } = await prepareDatabase({ seed: process.argv.includes('--seed') })
const seedNote = created ? `seeded the demo workspace (${created} records)` : 'demo workspace already seeded'
console.log(`Database migrated${process.argv.includes('--seed') ? `; ${seedNote}` : ''}.`)
process.exit(0)
