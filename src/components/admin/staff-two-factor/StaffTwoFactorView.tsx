import { DefaultTemplate, MinimalTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'

import { readPendingChallenge } from '@/account/two-factor/pending-challenge'
import { readTwoFactorState } from '@/account/two-factor/two-factor-state'
import { t } from '@/i18n/t'

import { StaffTwoFactorChallenge } from './StaffTwoFactorChallenge'
import { StaffTwoFactorSettings } from './StaffTwoFactorSettings'

/**
 * /admin/two-factor. Payload lets anyone reach a custom admin view, so this decides: a signed-in
 * staff member sets up (or manages) their second factor; a sign-in that still owes its code gets
 * the code form; anyone else goes to the login.
 */
export async function StaffTwoFactorView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, visibleEntities, locale } = initPageResult
  const { payload, user } = req
  const { admin: adminRoute, api: apiRoute } = payload.config.routes
  if (user?.collection === 'staff') {
    const state = await readTwoFactorState(payload, { collection: 'staff', id: Number(user.id) })
    return (
      <DefaultTemplate i18n={req.i18n} locale={locale} params={params} payload={payload} permissions={permissions} searchParams={searchParams} user={user} visibleEntities={visibleEntities}>
        <Gutter>
          <h1>{t('signIn.twoFactor.title')}</h1>
          <StaffTwoFactorSettings apiRoute={apiRoute} enabledAt={state.enabledAt} recoveryCodesLeft={state.recoveryCodesLeft} />
        </Gutter>
      </DefaultTemplate>
    )
  }
  if (!(await readPendingChallenge(payload, await headers(), 'staff'))) redirect(`${adminRoute}/login`)
  return (
    <MinimalTemplate>
      <StaffTwoFactorChallenge apiRoute={apiRoute} adminRoute={adminRoute} />
    </MinimalTemplate>
  )
}
