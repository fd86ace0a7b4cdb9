import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'

import { repoRoot } from './load-env'

const BUILD_INPUTS = ['src', 'migrations', 'payload.config.ts', 'scope.config.ts', 'next.config.ts', 'package-lock.json', 'tsconfig.json']

async function* filesUnder(entry: string): AsyncGenerator<string> {
  const full = path.join(repoRoot, entry)
  if (!existsSync(full)) return
  const children = await readdir(full, { withFileTypes: true }).catch(() => null)
  if (!children) {
    yield entry
    return
  }
  for (const child of children.sort((a, b) => a.name.localeCompare(b.name))) yield* filesUnder(path.join(entry, child.name))
}

/** A digest of everything the production build depends on, so an unchanged tree skips the ~1 min build. */
export async function buildInputsDigest(): Promise<string> {
  const hash = createHash('sha256')
  for (const entry of BUILD_INPUTS) {
    for await (const file of filesUnder(entry)) hash.update(file).update(await readFile(path.join(repoRoot, file)))
  }
  return hash.digest('hex')
}

export function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, env, stdio: 'inherit' })
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))))
  })
}

export const nextBin = path.join(repoRoot, 'node_modules', '.bin', 'next')

/** Builds the production bundle unless the last build was made from the same inputs. */
export async function buildIfNeeded(distDir = '.next', log: (line: string) => void = console.log): Promise<'built' | 'up-to-date'> {
  const stamp = path.join(repoRoot, distDir, 'portico-build-inputs')
  const digest = await buildInputsDigest()
  const previous = existsSync(stamp) ? (await readFile(stamp, 'utf8')).trim() : ''
  if (previous === digest && existsSync(path.join(repoRoot, distDir, 'BUILD_ID'))) return 'up-to-date'
  log('Building the portal (first start or changed sources; about a minute)…')
  await run(nextBin, ['build'], { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' })
  // Next may rewrite tsconfig.json on its first build, so stamp what the tree looks like now.
  await writeFile(stamp, await buildInputsDigest())
  return 'built'
}
