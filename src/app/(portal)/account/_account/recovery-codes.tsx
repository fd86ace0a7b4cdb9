'use client'

import { useT } from '@/components/locale-provider'

/** Recovery codes, shown the one time they exist in plain text, with a .txt download. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const t = useT()
  const download = `data:text/plain;charset=utf-8,${encodeURIComponent(`${t('twoFactor.recovery.fileHeading')}\n\n${codes.join('\n')}\n`)}`
  return (
    <div className="stack">
      <h3>{t('twoFactor.recovery.title')}</h3>
      <p>{t('twoFactor.recovery.intro')}</p>
      <ul aria-label={t('twoFactor.recovery.title')} data-testid="recovery-codes">
        {codes.map((code) => <li key={code}><code>{code}</code></li>)}
      </ul>
      <div className="row">
        <a className="button" data-variant="secondary" href={download} download="portico-recovery-codes.txt">{t('twoFactor.recovery.download')}</a>
        <button type="button" className="button" onClick={onDone}>{t('twoFactor.recovery.done')}</button>
      </div>
    </div>
  )
}
