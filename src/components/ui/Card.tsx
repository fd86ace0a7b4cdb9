import type { ReactNode } from 'react'

export function Card({ title, children, narrow = false }: { title?: string; children: ReactNode; narrow?: boolean }) {
  return (
    <section className={narrow ? 'card card-narrow' : 'card'} aria-label={title}>
      <div className="stack">
        {title ? <h2>{title}</h2> : null}
        {children}
      </div>
    </section>
  )
}
