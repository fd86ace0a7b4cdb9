import { Card } from '@/components/ui/Card'
import { type FormatContext, formatDate } from '@/i18n/formatters'
import { t } from '@/i18n/t'
import type { Organization } from '@/payload-types'

/** Billing for a contract customer: the terms, renewal and who to talk to — no change controls. */
export function ContractBilling({ organization, format }: { organization: Organization; format: FormatContext }) {
  const { locale } = format
  const contract = organization.contract ?? {}
  return (
    <Card title={t('billing.contract.title', {}, locale)}>
      <div className="stack" data-gap="sm">
        <p>{t('billing.contract.intro', {}, locale)}</p>
        {contract.terms ? <p className="preformatted">{contract.terms}</p> : null}
        {contract.renewsOn ? <p>{t('billing.contract.renews', { date: formatDate(contract.renewsOn, format, 'long') }, locale)}</p> : null}
        {contract.accountManagerName || contract.accountManagerEmail ? (
          <p>
            {t('billing.contract.manager', { name: contract.accountManagerName ?? contract.accountManagerEmail ?? '' }, locale)}
            {contract.accountManagerEmail ? (
              <>
                {' · '}
                <a href={`mailto:${contract.accountManagerEmail}`}>{contract.accountManagerEmail}</a>
              </>
            ) : null}
          </p>
        ) : null}
        <p>
          <a href="/account/invoices">{t('billing.contract.invoices', {}, locale)}</a>
        </p>
      </div>
    </Card>
  )
}
