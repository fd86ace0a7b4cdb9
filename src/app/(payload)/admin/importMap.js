import { TicketAuditDashboard as TicketAuditDashboard_16966e59d4cd30fc7df383f4ec399f4c } from '../../../../src/components/admin/TicketAuditDashboard'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/src/components/admin/TicketAuditDashboard#TicketAuditDashboard": TicketAuditDashboard_16966e59d4cd30fc7df383f4ec399f4c,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
