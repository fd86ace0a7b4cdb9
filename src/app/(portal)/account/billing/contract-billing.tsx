import { Card } from '@/components/ui/Card'
import { t } from '@/i18n/t'
import type { Organization } from '@/payload-types'

const formatDate = (iso: string) => new Date(iso).toLocaleDateString('en', { dateStyle: 'long', timeZone: 'UTC' })

/** Billing for a contract customer: the terms, renewal and who to talk to — no change controls. */
export function ContractBilling({ organization }: { organization: Organization }) {
  const contract = organization.contract ?? {}
  return (
    <Card title={t('billing.contract.title')}>
      <div className="stack" data-gap="sm">
        <p>{t('billing.contract.intro')}</p>
        {contract.terms ? <p className="preformatted">{contract.terms}</p> : null}
        {contract.renewsOn ? <p>{t('billing.contract.renews', { date: formatDate(contract.renewsOn) })}</p> : null}
        {contract.accountManagerName || contract.accountManagerEmail ? (
          <p>
            {t('billing.contract.manager', { name: contract.accountManagerName ?? contract.accountManagerEmail ?? '' })}
            {contract.accountManagerEmail ? (
              <>
                {' · '}
                <a href={`mailto:${contract.accountManagerEmail}`}>{contract.accountManagerEmail}</a>
              </>
            ) : null}
          </p>
        ) : null}
        <p>
          <a href="/account/invoices">{t('billing.contract.invoices')}</a>
        </p>
      </div>
    </Card>
  )
}
