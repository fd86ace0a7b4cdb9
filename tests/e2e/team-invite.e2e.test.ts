import { describe, expect, it } from 'vitest'

import { signIn, useBrowser } from '../helpers/browser'
import { waitForMail } from '../helpers/mailbox'

const { openPage } = useBrowser()

describe('inviting a teammate, end to end', () => {
  it('admin invites a new address → email → link in a fresh browser → account created → member in /account/team; the link then refuses', async () => {
    const invitee = `newcomer-${Date.now()}@invitee.test`
    const sentAfter = Date.now() - 1000

    const admin = await openPage('team-invite-admin')
    await admin.page.goto('/account/team')
    await signIn(admin.page, 'admin@demo.test')
    await admin.page.waitForURL('**/account/team')
    await admin.page.getByLabel('Email addresses').fill(invitee)
    await expect(admin.page.getByLabel('Role', { exact: true }).inputValue()).resolves.toBe('member')
    await admin.page.getByRole('button', { name: 'Send invitations' }).click()
    await admin.page.getByText(`Invited: ${invitee}.`).waitFor()
    await admin.page.getByRole('table', { name: 'Pending invitations to Demo Co' }).getByText(invitee).waitFor()

    const mail = await waitForMail(invitee, /invited to join Demo Co/, { after: sentAfter })
    const link = mail.text!.match(/https?:\/\/\S+\/invite\/[A-Za-z0-9_-]{43}/)?.[0]
    expect(link).toBeTruthy()

    const newcomer = await openPage('team-invite-newcomer')
    await newcomer.page.goto(link!)
    await newcomer.page.getByRole('heading', { name: 'Join Demo Co on Portico' }).waitFor()
    await newcomer.page.getByText(`invited ${invitee} to join Demo Co as Member`).waitFor()
    await newcomer.page.getByLabel('Your name').fill('Nova Newcomer')
    await newcomer.page.getByLabel('Choose a password').fill('a-long-enough-password')
    await newcomer.page.getByRole('button', { name: 'Create account and join' }).click()
    await newcomer.page.waitForURL('**/account/team')
    await expect(newcomer.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Team')
    const ownRow = newcomer.page.getByRole('row').filter({ hasText: invitee })
    await expect(ownRow.textContent()).resolves.toMatch(/Nova Newcomer.*\(you\).*Member/)
    // A member sees the team read-only: no invite form.
    await expect(newcomer.page.getByLabel('Email addresses').count()).resolves.toBe(0)

    await admin.page.reload()
    await admin.page.getByRole('table', { name: 'Members of Demo Co' }).getByText(invitee).waitFor()
    await expect(admin.page.getByRole('table', { name: 'Pending invitations to Demo Co' }).getByText(invitee).count()).resolves.toBe(0)

    const again = await openPage('team-invite-reuse')
    await again.page.goto(link!)
    await again.page.getByRole('heading', { name: 'This invitation has already been used' }).waitFor()
    await expect(again.page.getByLabel('Choose a password').count()).resolves.toBe(0)

  })

  it('a role change shows at once, and snaps back with the server’s message when it is refused', async () => {
    const owner = await openPage('team-role-owner')
    await owner.page.goto('/account/team')
    await signIn(owner.page, 'owner@demo.test')
    await owner.page.waitForURL('**/account/team')
    const admin = await openPage('team-role-admin')
    await admin.page.goto('/account/team')
    await signIn(admin.page, 'admin@demo.test')
    await admin.page.waitForURL('**/account/team')
    const moAsSeenByAdmin = admin.page.getByLabel('Role of Mo Member')

    await moAsSeenByAdmin.selectOption('viewer')
    await admin.page.getByText('Mo Member is now Viewer.').waitFor()
    await expect(moAsSeenByAdmin.inputValue()).resolves.toBe('viewer')

    // Meanwhile the owner makes the admin a member; the admin's page still offers the change.
    await owner.page.getByLabel('Role of Adam Admin').selectOption('member')
    await owner.page.getByText('Adam Admin is now Member.').waitFor()
    await moAsSeenByAdmin.selectOption('member')
    await admin.page.getByRole('alert').filter({ hasText: 'Your role does not allow this.' }).waitFor()
    await expect(moAsSeenByAdmin.inputValue()).resolves.toBe('viewer')

    // Put the demo workspace back as it was.
    await owner.page.getByLabel('Role of Adam Admin').selectOption('admin')
    await owner.page.getByText('Adam Admin is now Admin.').waitFor()
    await owner.page.getByLabel('Role of Mo Member').selectOption('member')
    await owner.page.getByText('Mo Member is now Member.').waitFor()
  })
})
