import { mkdtemp, rm } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import path from 'node:path'

import { freePort } from '../../scripts/lib/free-port'
import { repoRoot } from '../../scripts/lib/load-env'
import { startPortalServer } from '../../scripts/lib/portal-server'
import { round } from './stats'
import type { BenchRow } from './types'

const TARGET_SECONDS = 90
const DIST_DIR = '.next-startup-bench'

/**
 * A first `npm start` after `npm install`: an empty embedded PostgreSQL and no build, through the
 * same startPortalServer `npm start` runs, until the first page (`GET /sign-in`) is served. The row
 * gives the split (PostgreSQL, migrate + seed beside the build, `next start`, the first page's own
 * render, which loads its route on demand). `npm install` itself and tsx's start are not in it.
 */
export async function benchStartup(): Promise<BenchRow[]> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'portico-startup-bench-'))
  await rm(path.join(repoRoot, DIST_DIR), { recursive: true, force: true })
  process.env.PAYLOAD_SECRET ||= 'startup-bench-secret'
  delete process.env.DATABASE_URL
  const port = await freePort()
  process.env.PORTAL_URL = `http://localhost:${port}`
  process.env.STRIPE_EMULATOR_URL = `http://127.0.0.1:${await freePort()}`
  const started = performance.now()
  // The folder itself, as the bench server does: PostgreSQL's own user must be able to reach it.
  const server = await startPortalServer({ port, postgresDir: dataDir, seedDemo: true, distDir: DIST_DIR, stripeDataFile: `${dataDir}-stripe-emulator.json` })
  try {
    const ready = performance.now()
    const page = await fetch(`${server.url}/sign-in`)
    if (page.status !== 200) throw new Error(`The first page answered ${page.status}.`)
    await page.text()
    const firstPage = performance.now()
    const totalSeconds = (firstPage - started) / 1000
    const { phases } = server
    const s = (ms: number) => round(ms / 1000, 1)
    return [
      {
        name: 'cold start: empty database and no build → first page served (npm start’s steps)',
        unit: 's',
        p50: round(totalSeconds, 1),
        errors: 0,
        notes: {
          targetS: `<=${TARGET_SECONDS}`,
          meetsTarget: totalSeconds <= TARGET_SECONDS ? 'yes' : 'no',
          postgresS: s(phases.postgres),
          migrateAndSeedS: s(phases.database),
          buildS: s(phases.build),
          sideBySideS: s(Math.max(phases.database, phases.build)),
          nextStartS: s(phases.server),
          firstPageS: s(firstPage - ready),
          load: round(loadavg()[0]!, 1),
        },
      },
    ]
  } finally {
    await server.stop()
    await rm(dataDir, { recursive: true, force: true })
    await rm(`${dataDir}-stripe-emulator.json`, { force: true })
    await rm(path.join(repoRoot, DIST_DIR), { recursive: true, force: true })
  }
}
