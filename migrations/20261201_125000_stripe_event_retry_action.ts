import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/** The ledger's "retry" checkbox gives way to a Retry action (POST /api/stripe-events/:id/retry): no column needed. */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`ALTER TABLE "stripe_events" DROP COLUMN IF EXISTS "retry";`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`ALTER TABLE "stripe_events" ADD COLUMN "retry" boolean DEFAULT false;`)
}
