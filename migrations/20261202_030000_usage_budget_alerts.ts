import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Budget alerts on usage: per organization and metric, an optional monthly budget (minor units of
 * the metric's currency) with thresholds as percentages of it, and thresholds as absolute
 * quantities. Plain tables beside the metering ones: recordUsage reads them in its own
 * transaction. `usage_threshold_crossings` is the once-per-period-and-threshold guarantee: its
 * primary key admits one row per (organization, metric, period, threshold), and only the
 * transaction whose insert created the row emits `usage.threshold_crossed`.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    CREATE TABLE "usage_alert_settings" (
      "organization_id" integer NOT NULL REFERENCES "organizations" ("id") ON DELETE CASCADE,
      "metric" varchar(64) NOT NULL,
      "monthly_budget" bigint CHECK ("monthly_budget" > 0),
      "percent_thresholds" integer[] NOT NULL DEFAULT '{}',
      "quantity_thresholds" numeric(20, 6)[] NOT NULL DEFAULT '{}',
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY ("organization_id", "metric")
    );
    CREATE TABLE "usage_threshold_crossings" (
      "organization_id" integer NOT NULL REFERENCES "organizations" ("id") ON DELETE CASCADE,
      "metric" varchar(64) NOT NULL,
      "period_start" timestamptz NOT NULL,
      -- "percent:80:50000" (80% of a 50,000-minor-unit budget: a new budget re-arms it) or "quantity:12000".
      "threshold" varchar(96) NOT NULL,
      "quantity" numeric(26, 6) NOT NULL,
      "crossed_at" timestamptz NOT NULL,
      PRIMARY KEY ("organization_id", "metric", "period_start", "threshold")
    );
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`DROP TABLE IF EXISTS "usage_threshold_crossings"; DROP TABLE IF EXISTS "usage_alert_settings";`)
}
