import type { Metadata } from 'next'
import type { ReactNode } from 'react'

import { getRequestLocale } from '@/auth/request-locale'
import { t } from '@/i18n/t'

import './portico.css'

export const metadata: Metadata = { title: { default: t('app.name'), template: `%s · ${t('app.name')}` } }

export default async function PortalRootLayout({ children }: { children: ReactNode }) {
  const { locale } = await getRequestLocale()
  return (
    <html lang={locale}>
      <body>{children}</body>
    </html>
  )
}
