import type { ReactNode } from 'react'

export function Badge({ children, tone }: { children: ReactNode; tone?: 'accent' | 'success' | 'danger' }) {
  return <span className="badge" data-tone={tone}>{children}</span>
}
