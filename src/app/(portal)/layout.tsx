import type { Metadata } from 'next'
import type { ReactNode } from 'react'

import { t } from '@/i18n/t'

import './portico.css'

export const metadata: Metadata = { title: { default: t('app.name'), template: `%s · ${t('app.name')}` } }

export default function PortalRootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
