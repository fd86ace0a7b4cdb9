import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * A delivery is now claimed by a row lock held by the transaction that sends it and records the
 * send, so PostgreSQL frees it the moment its process dies. The visible `sending` state and its
 * lease column go; a row left `sending` by the old code becomes `retrying`. Emails that need a
 * link token are queued as `send-email` jobs (sealed), so the job enums learn that task.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE IF NOT EXISTS 'send-email';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE IF NOT EXISTS 'send-email';
  UPDATE "notification_deliveries" SET "status" = 'retrying' WHERE "status" = 'sending';
  ALTER TABLE "notification_deliveries" DROP COLUMN "claimed_until";
  ALTER TABLE "notification_deliveries" ALTER COLUMN "status" DROP DEFAULT;
  ALTER TYPE "public"."enum_notification_deliveries_status" RENAME TO "enum_notification_deliveries_status_old";
  CREATE TYPE "public"."enum_notification_deliveries_status" AS ENUM('pending', 'retrying', 'sent', 'failed');
  ALTER TABLE "notification_deliveries" ALTER COLUMN "status" TYPE "public"."enum_notification_deliveries_status" USING "status"::text::"public"."enum_notification_deliveries_status";
  ALTER TABLE "notification_deliveries" ALTER COLUMN "status" SET DEFAULT 'pending';
  DROP TYPE "public"."enum_notification_deliveries_status_old";`)
}

/** PostgreSQL can't drop an enum value; the `send-email` task slug stays (unused by older code). */
export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  ALTER TABLE "notification_deliveries" ALTER COLUMN "status" DROP DEFAULT;
  ALTER TYPE "public"."enum_notification_deliveries_status" RENAME TO "enum_notification_deliveries_status_old";
  CREATE TYPE "public"."enum_notification_deliveries_status" AS ENUM('pending', 'sending', 'retrying', 'sent', 'failed');
  ALTER TABLE "notification_deliveries" ALTER COLUMN "status" TYPE "public"."enum_notification_deliveries_status" USING "status"::text::"public"."enum_notification_deliveries_status";
  ALTER TABLE "notification_deliveries" ALTER COLUMN "status" SET DEFAULT 'pending';
  DROP TYPE "public"."enum_notification_deliveries_status_old";
  ALTER TABLE "notification_deliveries" ADD COLUMN "claimed_until" timestamp(3) with time zone;`)
}
