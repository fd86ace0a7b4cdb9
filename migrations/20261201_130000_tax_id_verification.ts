import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/** Stripe's verification status of each tax ID, mirrored from `customer.tax_id.*` events. */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`ALTER TABLE "organizations_tax_ids" ADD COLUMN "verification_status" varchar;`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`ALTER TABLE "organizations_tax_ids" DROP COLUMN "verification_status";`)
}
