import { portalScope, type ScreenId } from '@scope-config'

/** The portal screen a path belongs to: the longest screen path it equals or sits under; `/account` otherwise. */
export function screenForPath(path: string): ScreenId {
  const pathname = path.split('?')[0] ?? '/account'
  const screen = [...portalScope.screens].sort((a, b) => b.path.length - a.path.length).find((entry) => pathname === entry.path || pathname.startsWith(`${entry.path}/`))
  return screen?.id ?? 'account'
}
