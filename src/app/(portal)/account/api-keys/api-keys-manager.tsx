'use client'

import { useRouter } from 'next/navigation'
import { useState } from 'react'

import type { ApiKeyView } from '@/api-keys/api-key-view'
import { Card } from '@/components/ui/Card'
import { useT } from '@/components/locale-provider'

import { CreateKeyForm } from './create-key-form'
import { KeysTable } from './keys-table'
import { SecretDialog } from './secret-dialog'

export type Issued = { name: string; secret: string }

/** The help article the empty state links to (the drawer's contract: `?help=<article slug>`). */
const API_KEYS_HELP_ARTICLE = 'what-api-keys-are-for'

/**
 * The list and the create form, sharing the one-time secret dialog. The secret lives only in this
 * component's state: closing the dialog or reloading the page drops it for good.
 */
export function ApiKeysManager({ keys, canManage, maxLifetimeDays }: { keys: ApiKeyView[]; canManage: boolean; maxLifetimeDays: number | null }) {
  const t = useT()
  const router = useRouter()
  const [issued, setIssued] = useState<Issued | null>(null)
  const show = (next: Issued) => {
    setIssued(next)
    router.refresh()
  }
  return (
    <>
      <Card title={t('api-keys.list')}>
        {keys.length === 0 ? (
          <div className="stack" data-gap="sm">
            <h3>{t('api-keys.empty.title')}</h3>
            <p>{t('api-keys.empty.body')}</p>
            <p>
              {/* The help drawer opens on the article whose slug is in ?help= (on this same page). */}
              <a href={`?help=${API_KEYS_HELP_ARTICLE}`}>{t('api-keys.empty.help')}</a>
            </p>
          </div>
        ) : (
          <KeysTable keys={keys} canManage={canManage} onIssued={show} />
        )}
      </Card>
      {canManage ? (
        <Card title={t('api-keys.create')}>
          <CreateKeyForm maxLifetimeDays={maxLifetimeDays} onIssued={show} />
        </Card>
      ) : null}
      <SecretDialog issued={issued} onClose={() => setIssued(null)} />
    </>
  )
}
