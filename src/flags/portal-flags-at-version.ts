import type { Payload } from 'payload'

import type { PortalFlags } from './is-screen-enabled'
import { loadPortalFlags } from './load-portal-flags'

type Entry = { version: string | null; flags: Promise<PortalFlags> }

const cached = new WeakMap<Payload, Entry>()

/**
 * The rollout flags, read from the database only when they changed. Every request's session
 * statement reads the flags row's version (its writing transaction and updatedAt) and asks for
 * the flags at that version: equal to the cached one, no query; different, one read. So a change
 * saved on any instance is in force on every instance's next request, with nothing to listen to.
 * The load runs after the version was read, so what is cached is never older than its version.
 */
export function portalFlagsAtVersion(payload: Payload, version: string | null): Promise<PortalFlags> {
  const entry = cached.get(payload)
  if (entry && entry.version === version) return entry.flags
  const flags = loadPortalFlags(payload)
  const fresh = { version, flags }
  cached.set(payload, fresh)
  // A failed read isn't kept: the next request tries again.
  flags.catch(() => cached.get(payload) === fresh && cached.delete(payload))
  return flags
}
