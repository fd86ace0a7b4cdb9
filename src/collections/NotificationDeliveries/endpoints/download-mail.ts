import { readFile } from 'node:fs/promises'
import path from 'node:path'

import type { Endpoint } from 'payload'

import { isStaff } from '../../../access/actor-memberships'
import { mailDirectory } from '../../../notifications/email/mail-directory'

/** GET /api/notification-deliveries/:id/eml — the raw message written in the demo, for staff. */
export const downloadMail: Endpoint = {
  path: '/:id/eml',
  method: 'get',
  handler: async (req) => {
    if (!isStaff(req)) return Response.json({ error: 'Staff only.' }, { status: 403 })
    const delivery = await req.payload.findByID({ collection: 'notification-deliveries', id: String(req.routeParams?.id), depth: 0, req, disableErrors: true })
    const file = delivery?.mailFile ? path.resolve(mailDirectory(), path.basename(delivery.mailFile)) : null
    if (!file) return Response.json({ error: 'No stored message for this delivery.' }, { status: 404 })
    const body = await readFile(file).catch(() => null)
    if (!body) return Response.json({ error: 'The message file is gone.' }, { status: 404 })
    return new Response(new Uint8Array(body), {
      headers: { 'Content-Type': 'message/rfc822', 'Content-Disposition': `attachment; filename="${path.basename(file)}"` },
    })
  },
}
