import { AuditChanges as AuditChanges_67472216e8435831118f239b5cca9c93 } from '../../../../src/components/admin/AuditChanges'
import { JsonView as JsonView_4c6f24bdd5bd4482633a7079dc5e365c } from '../../../../src/components/admin/JsonView'
import { RetryFailedDeliveriesButton as RetryFailedDeliveriesButton_ab1dd50018eadca674d6e110c94330c4 } from '../../../../src/components/admin/RetryFailedDeliveriesButton'
import { RetryStripeEventButton as RetryStripeEventButton_5cfda28f64f57c6c0f22350c826572de } from '../../../../src/components/admin/RetryStripeEventButton'
import { TicketAuditDashboard as TicketAuditDashboard_16966e59d4cd30fc7df383f4ec399f4c } from '../../../../src/components/admin/TicketAuditDashboard'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/src/components/admin/AuditChanges#AuditChanges": AuditChanges_67472216e8435831118f239b5cca9c93,
  "/src/components/admin/JsonView#JsonView": JsonView_4c6f24bdd5bd4482633a7079dc5e365c,
  "/src/components/admin/RetryFailedDeliveriesButton#RetryFailedDeliveriesButton": RetryFailedDeliveriesButton_ab1dd50018eadca674d6e110c94330c4,
  "/src/components/admin/RetryStripeEventButton#RetryStripeEventButton": RetryStripeEventButton_5cfda28f64f57c6c0f22350c826572de,
  "/src/components/admin/TicketAuditDashboard#TicketAuditDashboard": TicketAuditDashboard_16966e59d4cd30fc7df383f4ec399f4c,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
