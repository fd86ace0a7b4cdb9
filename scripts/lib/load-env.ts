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
 * A local install needs a signing secret but nobody should have to invent one: the first start
 * writes a random one under .data/ (never committed) and later starts reuse it.
 */
export async function ensureLocalSecret(): Promise<string> {
  if (process.env.PAYLOAD_SECRET) return process.env.PAYLOAD_SECRET
  const file = path.join(dataDir, 'payload-secret')
  await mkdir(dataDir, { recursive: true })
  if (!existsSync(file)) await writeFile(file, randomBytes(32).toString('hex'), { mode: 0o600 })
  process.env.PAYLOAD_SECRET = (await readFile(file, 'utf8')).trim()
  return process.env.PAYLOAD_SECRET
}
