import { createHash } from 'node:crypto'

import { type FlaggableScreenId, flaggableScreens, portalScope, type ScreenId } from '../../scope.config'

export type ScreenFlag = {
  mode: 'off' | 'all' | 'organizations' | 'percentage'
  organizations?: Array<number | { id: number }> | null
  percentage?: number | null
}

export type PortalFlags = Partial<Record<FlaggableScreenId, ScreenFlag | null>>

/** 0–99, stable for an organization and screen, so a 20 % rollout keeps the same 20 %. */
export function rolloutBucket(screen: string, organizationId: number | string): number {
  const digest = createHash('sha256').update(`${screen}:${organizationId}`).digest()
  return digest.readUInt32BE(0) % 100
}

const isFlaggable = (screen: ScreenId): screen is FlaggableScreenId =>
  flaggableScreens.some((candidate) => candidate.id === screen)

/**
 * A screen outside the signed scope is never on, whatever the flags say; a core screen is always on.
 * A flaggable screen with no saved flag is on: staff roll back by switching off, not by forgetting.
 */
export function isScreenEnabled(flags: PortalFlags, screen: string, organizationId: number | string): boolean {
  const scoped = portalScope.screens.find((candidate) => candidate.id === screen)
  if (!scoped) return false
  if (!isFlaggable(scoped.id)) return true
  const flag = flags[scoped.id]
  if (!flag) return true
  switch (flag.mode) {
    case 'off':
      return false
    case 'all':
      return true
    case 'organizations':
      return (flag.organizations ?? []).some((org) => String(typeof org === 'object' ? org.id : org) === String(organizationId))
    case 'percentage':
      return rolloutBucket(scoped.id, organizationId) < (flag.percentage ?? 0)
  }
}
