import { portalScope, type ScreenScope } from '../../scope.config'

/** The screen a path belongs to: the longest screen path it is or lies under (/account/team/x → team), else none. */
export function screenForPath(path: string): ScreenScope | undefined {
  const pathname = path.split('?')[0] ?? '/account'
  return [...portalScope.screens].sort((a, b) => b.path.length - a.path.length).find((screen) => pathname === screen.path || pathname.startsWith(`${screen.path}/`))
}
