import type { ReactNode } from 'react'

/** role=alert so a screen reader announces errors the moment they appear. */
export function Alert({ children, tone }: { children: ReactNode; tone?: 'danger' | 'success' }) {
  return <div className="alert" data-tone={tone} role={tone === 'danger' ? 'alert' : 'status'}>{children}</div>
}
