import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * One counter per organization, bumped by recordUsage in the batch's transaction whenever it adds
 * an event: the usage reads cache their results in process and read only this row to know whether
 * they still hold (src/metering/cached-metering-source.ts). A row, not NOTIFY: every instance reads
 * it on the request itself, so a batch committed on one instance is in the next read on every other.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    CREATE TABLE "metering_versions" (
      "organization_id" integer PRIMARY KEY REFERENCES "organizations" ("id") ON DELETE CASCADE,
      "version" bigint NOT NULL
    );
    INSERT INTO "metering_versions" ("organization_id", "version") SELECT DISTINCT "organization_id", 1 FROM "metering_daily";
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`DROP TABLE IF EXISTS "metering_versions";`)
}
