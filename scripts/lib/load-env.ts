import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import path from 'node:path'

export const repoRoot = path.resolve(import.meta.dirname, '../..')
export const dataDir = path.join(repoRoot, '.data')

/** `.env` (if present) fills in what the shell didn't set. */
export function loadDotEnv() {
  const file = path.join(repoRoot, '.env')
  if (existsSync(file)) process.loadEnvFile(file)
}

/**
 * A local install needs signing secrets but nobody should have to invent one: the first start
 * writes a random one under .data/ (never committed) and later starts reuse it. A variable set in
 * the environment or .env wins.
 */
async function ensureLocalFileSecret(variable: string, fileName: string, make: () => string): Promise<string> {
  const set = process.env[variable]
  if (set) return set
  const file = path.join(dataDir, fileName)
  await mkdir(dataDir, { recursive: true })
  if (!existsSync(file)) await writeFile(file, make(), { mode: 0o600 })
  process.env[variable] = (await readFile(file, 'utf8')).trim()
  return process.env[variable]!
}

/** PAYLOAD_SECRET for a local install. */
export const ensureLocalSecret = () => ensureLocalFileSecret('PAYLOAD_SECRET', 'payload-secret', () => randomBytes(32).toString('hex'))

/**
 * STRIPE_WEBHOOK_SECRET shared by the local Stripe emulator and the portal: random per install,
 * never a constant in the source (the portal refuses webhooks when none is configured).
 */
export const ensureLocalWebhookSecret = () =>
  ensureLocalFileSecret('STRIPE_WEBHOOK_SECRET', 'stripe-webhook-secret', () => `whsec_${randomBytes(24).toString('base64url')}`)
