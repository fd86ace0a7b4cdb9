import type { PayloadRequest } from 'payload'

import type { NotificationDelivery, PortalEvent } from '../../payload-types'
import { type EventMessage, messageText } from '../describe-event'

/** The bell's row for one recipient; `link` is a page their role can open (recipientLink). Its key is the delivery key, so a second insert is refused by the database. */
export async function createInAppNotification(req: PayloadRequest, delivery: NotificationDelivery, event: PortalEvent, message: EventMessage, link = '/account/activity') {
  await req.payload.create({
    collection: 'notifications',
    data: {
      key: delivery.key,
      user: Number(delivery.recipientUser),
      organization: typeof event.organization === 'object' ? event.organization?.id : event.organization,
      event: event.id,
      type: event.type,
      title: message.title,
      body: messageText(message),
      link,
    },
    depth: 0,
    overrideAccess: true,
    req,
  })
}
