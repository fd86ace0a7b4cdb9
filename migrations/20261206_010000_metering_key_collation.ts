import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * An idempotency key is an opaque string the product chooses: equal means byte-equal, and no
 * reader sorts by it in a language's order. The "C" collation says so, and makes its unique key a
 * byte comparison instead of a locale's (building it for 3M keys: 5.2 s → 3.9 s in a probe;
 * every batch's duplicate check is the same comparison).
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`ALTER TABLE "metering_events" ALTER COLUMN "idempotency_key" TYPE varchar(255) COLLATE "C";`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`ALTER TABLE "metering_events" ALTER COLUMN "idempotency_key" TYPE varchar(255) COLLATE "default";`)
}
