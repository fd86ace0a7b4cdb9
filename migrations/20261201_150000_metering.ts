import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Metering: the raw events the product reports and their hourly rollups, as plain tables rather
 * than Payload collections — they are written at volume by `recordUsage` in one SQL statement and
 * read by aggregate queries; nobody edits them in /admin, and a collection's hooks and versions
 * would cost per row. Rollups are keyed by the UTC hour: a day or month in any time zone whose
 * offset is a whole number of hours is a sum of whole hourly rows (other zones read the raw events,
 * see src/metering/postgres-metering-source.ts); a daily rollup per value of each metric's breakdown
 * dimension serves the period's breakdown. All are written in the insert's statement.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    CREATE TABLE "metering_events" (
      "id" bigserial PRIMARY KEY,
      "organization_id" integer NOT NULL REFERENCES "organizations" ("id") ON DELETE CASCADE,
      "metric" varchar(64) NOT NULL,
      "quantity" numeric(20, 6) NOT NULL CHECK ("quantity" >= 0),
      "occurred_at" timestamptz NOT NULL,
      "dimensions" jsonb NOT NULL DEFAULT '{}'::jsonb,
      "idempotency_key" varchar(255) NOT NULL,
      "received_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "metering_events_idempotency_key" UNIQUE ("organization_id", "idempotency_key")
    );
    -- Breakdowns by a dimension and the raw export scan one organization's metric in time order.
    CREATE INDEX "metering_events_org_metric_time_idx" ON "metering_events" ("organization_id", "metric", "occurred_at", "id");
    CREATE TABLE "metering_hourly" (
      "organization_id" integer NOT NULL REFERENCES "organizations" ("id") ON DELETE CASCADE,
      "metric" varchar(64) NOT NULL,
      "hour" timestamptz NOT NULL,
      "quantity" numeric(26, 6) NOT NULL,
      "event_count" integer NOT NULL,
      PRIMARY KEY ("organization_id", "metric", "hour")
    );
    -- The period's breakdown by the metric's catalog dimension, per UTC day ('' = events without it),
    -- so the usage screen never scans a month of raw events.
    CREATE TABLE "metering_dimension_daily" (
      "organization_id" integer NOT NULL REFERENCES "organizations" ("id") ON DELETE CASCADE,
      "metric" varchar(64) NOT NULL,
      "day" date NOT NULL,
      "value" varchar(256) NOT NULL,
      "quantity" numeric(26, 6) NOT NULL,
      PRIMARY KEY ("organization_id", "metric", "day", "value")
    );
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`DROP TABLE IF EXISTS "metering_dimension_daily"; DROP TABLE IF EXISTS "metering_hourly"; DROP TABLE IF EXISTS "metering_events";`)
}
