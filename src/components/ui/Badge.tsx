import type { ReactNode } from 'react'

export function Badge({ children, tone }: { children: ReactNode; tone?: 'accent' }) {
  return <span className="badge" data-tone={tone}>{children}</span>
}
