import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * A daily rollup beside the hourly one, per organization, metric and UTC day, written by recordUsage
 * in the insert's statement. A zone's day or month (any whole-hour offset) is read as whole UTC days
 * corrected by the hourly rows between each edge and its nearest UTC midnight, so 12 months read
 * ~400 rows instead of ~8,800. Backfilled from the hourly rollup, which already holds every event.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    CREATE TABLE "metering_daily" (
      "organization_id" integer NOT NULL REFERENCES "organizations" ("id") ON DELETE CASCADE,
      "metric" varchar(64) NOT NULL,
      "day" date NOT NULL,
      "quantity" numeric(26, 6) NOT NULL,
      "event_count" integer NOT NULL,
      PRIMARY KEY ("organization_id", "metric", "day")
    );
    INSERT INTO "metering_daily" ("organization_id", "metric", "day", "quantity", "event_count")
      SELECT "organization_id", "metric", ("hour" AT TIME ZONE 'UTC')::date, sum("quantity"), sum("event_count") FROM "metering_hourly" GROUP BY 1, 2, 3;
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`DROP TABLE IF EXISTS "metering_daily";`)
}
