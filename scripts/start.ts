/**
 * `npm start`: the whole portal from a fresh clone. Without DATABASE_URL it runs embedded
 * PostgreSQL under .data/postgres and seeds the demo workspace; with it, it uses that database and
 * seeds only when SEED_DEMO=1, so a real database never gets demo data by accident.
 */
import path from 'node:path'

import { DEMO_PASSWORD, demoOrganizations, demoStaff } from './demo/demo-workspace'
import { dataDir, ensureLocalSecret, loadDotEnv } from './lib/load-env'
import { startPortalServer } from './lib/portal-server'

loadDotEnv()
await ensureLocalSecret()
const dev = process.argv.includes('--dev')
const port = Number(process.env.PORT || 3000)
const embedded = !process.env.DATABASE_URL
const verbose = process.env.PORTICO_VERBOSE === '1'
const started = Date.now()

console.log(embedded ? 'Starting embedded PostgreSQL (.data/postgres)…' : 'Using the PostgreSQL at DATABASE_URL.')
const server = await startPortalServer({
  port,
  postgresDir: path.join(dataDir, 'postgres'),
  seedDemo: embedded || process.env.SEED_DEMO === '1',
  dev,
  log: (line) => {
    if (verbose || /error|warn|Building|Seeded|seeded|Removing a stale/i.test(line)) console.log(line)
  },
})

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`
const { phases } = server
const split = `PostgreSQL ${seconds(phases.postgres)}, database ${seconds(phases.database)}${dev ? '' : ` beside ${phases.built ? 'build' : 'build check'} ${seconds(phases.build)}`}, server ${seconds(phases.server)}`
const customers = demoOrganizations.flatMap((organization) => organization.members.map((member) => `    ${member.email.padEnd(20)} ${member.role.padEnd(8)} ${organization.name}`))
console.log(`
Portico is running at ${server.url}  (ready in ${seconds(Date.now() - started)}: ${split})

  Customer portal  ${server.url}/account
  Staff admin      ${server.url}/admin
${embedded || process.env.SEED_DEMO === '1' ? `
  Demo sign-ins (password: ${DEMO_PASSWORD})
${customers.join('\n')}
    ${demoStaff.email.padEnd(20)} staff    (admin panel)
` : ''}
Press Ctrl-C to stop.`)

let stopping = false
const shutdown = async (signal: string) => {
  if (stopping) return
  stopping = true
  console.log(`\n${signal}: stopping the portal${embedded ? ' and PostgreSQL' : ''}…`)
  await server.stop()
  process.exit(0)
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))
