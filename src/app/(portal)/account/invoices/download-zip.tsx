'use client'

import { useState } from 'react'

import { t } from '@/i18n/t'

import { formatBytes } from './format-invoice'

type State = { kind: 'idle' } | { kind: 'downloading'; received: number } | { kind: 'done'; file: string; size: number } | { kind: 'error'; message: string }

/** The server's `attachment; filename="…"`, or a fallback. */
const fileNameOf = (response: Response) => /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'invoices.zip'

/**
 * Downloads the range's ZIP with a visible count of bytes received: the archive is streamed
 * (no total is known up front), so progress is read chunk by chunk from the response body,
 * then handed to the browser as a file. A refusal (too many invoices) shows the server's message.
 */
export function DownloadZip({ archiveQuery }: { archiveQuery: string }) {
  const [state, setState] = useState<State>({ kind: 'idle' })

  const download = async () => {
    setState({ kind: 'downloading', received: 0 })
    try {
      const response = await fetch(`/api/billing/invoices/archive.zip?${archiveQuery}`)
      if (!response.ok || !response.body) {
        const envelope = (await response.json().catch(() => null)) as { error?: { message?: string } } | null
        setState({ kind: 'error', message: envelope?.error?.message ?? t('invoices.zip.error') })
        return
      }
      const reader = response.body.getReader()
      const chunks: Uint8Array[] = []
      let received = 0
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        chunks.push(value)
        received += value.byteLength
        setState({ kind: 'downloading', received })
      }
      const file = fileNameOf(response)
      const url = URL.createObjectURL(new Blob(chunks as BlobPart[], { type: 'application/zip' }))
      const link = Object.assign(document.createElement('a'), { href: url, download: file })
      document.body.append(link)
      link.click()
      link.remove()
      setTimeout(() => URL.revokeObjectURL(url), 60_000)
      setState({ kind: 'done', file, size: received })
    } catch {
      setState({ kind: 'error', message: t('invoices.zip.error') })
    }
  }

  const busy = state.kind === 'downloading'
  return (
    <div className="stack" data-gap="sm">
      <div className="row">
        <button type="button" className="button" onClick={download} disabled={busy} aria-busy={busy}>
          {t('invoices.zip.download')}
        </button>
      </div>
      <p role="status" aria-live="polite" className="muted" data-testid="zip-status">
        {state.kind === 'downloading' ? t('invoices.zip.progress', { received: formatBytes(state.received) }) : null}
        {state.kind === 'done' ? t('invoices.zip.done', { file: state.file, size: formatBytes(state.size) }) : null}
      </p>
      {state.kind === 'error' ? <p role="alert" className="field-error">{state.message}</p> : null}
    </div>
  )
}
