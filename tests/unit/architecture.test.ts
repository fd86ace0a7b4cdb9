import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

/**
 * The import rules of docs/architecture.md, checked on the tree: a file that breaks one fails here
 * with its name and the import.
 */
const ROOT = path.resolve(import.meta.dirname, '../..')

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
  return entries
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)))
}

/** Every module a file imports, as a path from the repository root (package imports as they are written). */
async function importsOf(file: string): Promise<string[]> {
  const text = await readFile(path.join(ROOT, file), 'utf8')
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((match) => match[1]!)
  return specifiers.map((specifier) => {
    if (specifier.startsWith('@/')) return path.join('src', specifier.slice(2))
    if (specifier === '@payload-config') return 'payload.config'
    if (specifier === '@scope-config') return 'scope.config'
    if (specifier.startsWith('.')) return path.relative(ROOT, path.resolve(path.dirname(path.join(ROOT, file)), specifier))
    return specifier
  })
}

async function violations(dir: string, forbidden: (target: string) => boolean): Promise<string[]> {
  const found: string[] = []
  for (const file of await sourceFiles(dir)) {
    for (const target of await importsOf(file)) if (forbidden(target)) found.push(`${file} → ${target}`)
  }
  return found
}

describe('what each room may import', () => {
  it('the product (src/) never imports the Stripe emulator, the demo seeds, scripts or tests', async () => {
    expect(await violations('src', (target) => /^(emulator|scripts|tests)\//.test(target))).toEqual([])
  })

  it('domain modules never import pages or route handlers (src/app)', async () => {
    const domainDirs = (await readdir(path.join(ROOT, 'src'), { withFileTypes: true })).filter((entry) => entry.isDirectory() && !['app', 'components'].includes(entry.name))
    const found = (await Promise.all(domainDirs.map((entry) => violations(path.join('src', entry.name), (target) => target.startsWith('src/app/'))))).flat()
    expect(found).toEqual([])
  })

  it('the emulator is a tool: it reaches into the product only for the pinned Stripe API version', async () => {
    expect(await violations('emulator', (target) => target.startsWith('src/') && target !== 'src/billing/stripe-api-version')).toEqual([])
  })
})
